using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;

namespace Wbpm.Tests.Domain.Jobs;

public sealed class JobTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LockTime = TimeSpan.FromMinutes(5);

    private static Job NewJob(string? retryCycle = null, int? retries = null, string? instance = "pi-1", bool exclusive = true) =>
        new(new NewJob("job-1", "tenant-a", JobKinds.AsyncBefore, T0, instance, "Task_1", "token-1", "{}",
            Retries: retries, RetryCycle: retryCycle, Exclusive: exclusive), T0);

    [Fact]
    public void ANewJobGetsTheRetryCyclesAttemptsAndIsDue()
    {
        var job = NewJob("R5/PT1M");
        Assert.Equal(5, job.RetriesLeft);
        Assert.Equal("R5/PT1M", job.RetryCycle);
        Assert.True(job.IsAcquirableAt(T0));
        Assert.False(job.IsAcquirableAt(T0.AddSeconds(-1)));
    }

    [Fact]
    public void ExplicitRetriesOverrideTheCyclesAttempts() => Assert.Equal(7, NewJob(retries: 7).RetriesLeft);

    [Fact]
    public void AJobWithoutAnInstanceIsNeverExclusive() => Assert.False(NewJob(instance: null).Exclusive);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void RejectsRetriesOutOfRange(int retries) => Assert.Throws<ValidationException>(() => NewJob(retries: retries));

    [Fact]
    public void RejectsABadRetryCycle() => Assert.Throws<ValidationException>(() => NewJob("every ten seconds"));

    [Fact]
    public void ALockRunsOutOnAWholeMillisecondSoItReadsBackEqualFromAnyDatabase()
    {
        var job = NewJob();
        var now = T0.AddTicks(1_234_567); // 123.4567 ms past T0

        job.Lock("node-a", now, LockTime);

        Assert.Equal(T0 + LockTime + TimeSpan.FromMilliseconds(123), job.LockExpiresAt);
    }

    [Fact]
    public void ALockedJobCannotBeLockedAgainUntilTheLockExpires()
    {
        var job = NewJob();
        job.Lock("node-a", T0, LockTime);
        Assert.Throws<InvalidOperationException>(() => job.Lock("node-b", T0.AddMinutes(1), LockTime));
        job.Lock("node-b", T0 + LockTime, LockTime);
        Assert.Equal("node-b", job.LockOwner);
    }

    [Fact]
    public void AFailureSpendsARetryAndWaitsTheCyclesInterval()
    {
        var job = NewJob("R3/PT10S");
        job.Lock("node-a", T0, LockTime);
        var outcome = job.Fail("node-a", "boom", T0.AddSeconds(2), "inc-1");

        Assert.Equal(T0.AddSeconds(12), outcome.NextDue);
        Assert.False(outcome.RaisedIncident);
        Assert.Equal(2, job.RetriesLeft);
        Assert.Equal(T0.AddSeconds(12), job.DueAt);
        Assert.Null(job.LockOwner);
        Assert.Equal("boom", job.LastError);
    }

    [Fact]
    public void TheLastFailureRaisesAnIncidentAndTheJobIsNoLongerAcquirable()
    {
        var job = NewJob("R2/PT10S");
        job.Lock("node-a", T0, LockTime);
        job.Fail("node-a", "first", T0, "inc-1");
        job.Lock("node-a", T0.AddSeconds(10), LockTime);
        var outcome = job.Fail("node-a", "second", T0.AddSeconds(10), "inc-2");

        var incident = Assert.IsType<Incident>(outcome.Incident);
        Assert.Equal(("inc-2", "job-1", "pi-1", "Task_1", "second", IncidentStatus.Open),
            (incident.Id, incident.JobId, incident.ProcessInstanceId, incident.ElementId, incident.Message, incident.Status));
        Assert.Equal(0, job.RetriesLeft);
        Assert.True(job.IsFailed);
        Assert.False(job.IsAcquirableAt(T0.AddDays(1)));
    }

    [Fact]
    public void ReleasingKeepsTheRetriesAndTheDueTime()
    {
        var job = NewJob();
        job.Lock("node-a", T0, LockTime);
        job.Release("node-a");
        Assert.Equal((3, T0, (string?)null, (string?)null), (job.RetriesLeft, job.DueAt, job.LockOwner, job.LastError));
    }

    [Fact]
    public void OnlyTheLockOwnerCanCompleteFailOrRelease()
    {
        var job = NewJob();
        job.Lock("node-a", T0, LockTime);
        Assert.Throws<InvalidOperationException>(() => job.Complete("node-b"));
        Assert.Throws<InvalidOperationException>(() => job.Fail("node-b", "x", T0, "inc"));
        Assert.Throws<InvalidOperationException>(() => job.Release("node-b"));
        Assert.Equal(3, job.RetriesLeft);
        job.Complete("node-a");
    }

    [Fact]
    public void SettingRetriesMakesAFailedJobDueNow()
    {
        var job = NewJob("R1/PT10S");
        job.Lock("node-a", T0, LockTime);
        job.Fail("node-a", "boom", T0, "inc-1");
        job.SetRetries(2, T0.AddHours(1));
        Assert.Equal(2, job.RetriesLeft);
        Assert.True(job.IsAcquirableAt(T0.AddHours(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void SettingRetriesOutOfRangeIsRejectedAndChangesNothing(int retries)
    {
        var job = NewJob();
        Assert.Throws<ValidationException>(() => job.SetRetries(retries, T0.AddHours(1)));
        Assert.Equal((3, T0), (job.RetriesLeft, job.DueAt));
    }

    [Fact]
    public void ALongErrorIsTruncated()
    {
        var job = NewJob();
        job.Lock("node-a", T0, LockTime);
        job.Fail("node-a", new string('x', 10_000), T0, "inc-1");
        Assert.Equal(Job.MaxErrorLength, job.LastError!.Length);
    }

    [Fact]
    public void AnIncidentIsResolvedOnce()
    {
        var incident = Incident.ForInstance("inc-1", "tenant-a", "pi-1", "Gateway_1", "No flow matched.", T0);
        incident.Resolve("operator", T0.AddMinutes(1));
        Assert.Equal((IncidentStatus.Resolved, "operator"), (incident.Status, incident.ResolvedBy));
        Assert.Throws<ValidationException>(() => incident.Resolve("someone-else", T0.AddMinutes(2)));
        Assert.Equal("operator", incident.ResolvedBy);
    }
}
