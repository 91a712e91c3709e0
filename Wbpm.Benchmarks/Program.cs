Console.WriteLine("Wbpm.Benchmarks: no scenarios yet");
