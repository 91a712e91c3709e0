using System.Diagnostics;
using System.Text;

namespace Wbpm.Tests.Support;

/// <summary>
/// Runs one test method of this assembly in a separate `dotnet` process (the crash tests kill it with SIGKILL), with
/// extra environment variables that tell the method it is the child. Its output is collected for failure messages.
/// </summary>
public static class ChildTestProcess
{
    public static Process Start(Type testClass, string method, IReadOnlyDictionary<string, string> environment, StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(testClass.Assembly.Location);
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{testClass.FullName}.{method}");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        child.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        child.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        return child;
    }
}
