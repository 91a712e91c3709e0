using Microsoft.Extensions.DependencyInjection;
using Wbpm.Infrastructure.Jobs;

namespace Wbpm.Tests.Support;

/// <summary>Replaces every registered job handler with a wrapper around it (to hold, hang or observe the real one).</summary>
public static class JobHandlerWrapping
{
    public static void WrapEvery(IServiceCollection services, Func<IJobHandler, IJobHandler> wrap)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IJobHandler)).ToList())
        {
            services.Remove(descriptor);
            services.AddSingleton<IJobHandler>(sp => wrap(
                descriptor.ImplementationInstance as IJobHandler
                ?? (IJobHandler?)descriptor.ImplementationFactory?.Invoke(sp)
                ?? (IJobHandler)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!)));
        }
    }
}
