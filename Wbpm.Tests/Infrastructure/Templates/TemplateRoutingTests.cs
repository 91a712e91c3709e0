using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Infrastructure.Templates;

/// <summary>The decisions the templates' parameters control: thresholds, groups, SLAs and escalation timers.</summary>
public sealed class TemplateRoutingTests
{
    [Fact]
    public void AnInvoiceOverTheThresholdGoesToTheSeniorApproverGroup()
    {
        var run = TemplateRun.Start("invoice-approval",
            new Dictionary<string, string?> { ["approvalThreshold"] = "5000", ["seniorApproverGroup"] = "cfo-office" }, Vars(("amount", 7500)));
        run.CompleteTask("check");

        var task = Assert.Single(run.OpenUserTasks);
        Assert.Equal("senior", task.ElementId);
        Assert.Equal(["cfo-office"], task.CandidateGroups);
    }

    [Fact]
    public void AnInvoiceAtTheThresholdGoesToTheNormalApprover()
    {
        var run = TemplateRun.Start("invoice-approval", new Dictionary<string, string?> { ["approvalThreshold"] = "5000" }, Vars(("amount", 5000)));
        run.CompleteTask("check");

        Assert.Equal("approve", Assert.Single(run.OpenUserTasks).ElementId);
    }

    [Fact]
    public void ARejectedInvoiceEndsRejectedWithoutPayment()
    {
        var run = TemplateRun.Start("invoice-approval", startVariables: Vars(("amount", 100)));

        TemplateRun.ToEnd(run, Vars(("approved", false)));

        Assert.Contains("endRejected", run.History(HistoryEventKind.Completed));
        Assert.DoesNotContain("pay", run.History(HistoryEventKind.Started));
    }

    [Fact]
    public void AComplaintNotHandledWithinTheSlaIsEscalatedWhenTheTimerFires()
    {
        var run = TemplateRun.Start("customer-complaint", new Dictionary<string, string?> { ["responseHours"] = "4", ["escalationGroup"] = "second-line" });
        var started = run.Now;
        Assert.Equal(started.AddHours(4), run.OpenTask("handle").DueDate);

        run.FireTimersAt(started.AddHours(3));
        Assert.Equal("handle", Assert.Single(run.OpenUserTasks).ElementId);

        run.FireTimersAt(started.AddHours(4));
        var escalated = Assert.Single(run.OpenUserTasks);
        Assert.Equal("escalated", escalated.ElementId);
        Assert.Equal(["second-line"], escalated.CandidateGroups);
        Assert.Single(run.EffectsOf<UserTaskCancelled>());
    }

    [Fact]
    public void AComplaintHandledInTimeIsNeverEscalated()
    {
        var run = TemplateRun.Start("customer-complaint");
        run.CompleteTask("handle");
        run.FireTimersAfter(TimeSpan.FromDays(3));

        Assert.Equal("confirm", Assert.Single(run.OpenUserTasks).ElementId);
        Assert.Empty(run.OpenJobs);
    }

    [Fact]
    public void APurchaseOverTheThresholdNeedsABudgetConfirmationFromTheFinanceGroup()
    {
        var run = TemplateRun.Start("purchase-request",
            new Dictionary<string, string?> { ["approvalThreshold"] = "2000", ["financeGroup"] = "finance" }, Vars(("amount", 2500)));
        run.CompleteTask("approve", Vars(("approved", true)));

        var budget = run.OpenTask("financeApprove");
        Assert.Equal(["finance"], budget.CandidateGroups);
        Assert.Equal(run.Now.AddHours(48), budget.DueDate);
    }

    [Fact]
    public void ARejectedPurchaseGoesBackToTheRequester()
    {
        var run = TemplateRun.Start("purchase-request", startVariables: Vars(("initiator", "alice"), ("amount", 10)));
        run.CompleteTask("approve", Vars(("approved", false)));

        Assert.Equal("alice", run.OpenTask("informRejected").Assignee);
    }

    [Fact]
    public void LongLeaveNeedsTheHrGroupAndShortLeaveDoesNot()
    {
        var parameters = new Dictionary<string, string?> { ["longLeaveDays"] = "5", ["hrGroup"] = "people-ops", ["slaHours"] = "12" };
        var longLeave = TemplateRun.Start("leave-request", parameters, Vars(("days", 8)));
        Assert.Equal(longLeave.Now.AddHours(12), longLeave.OpenTask("approve").DueDate);
        longLeave.CompleteTask("approve", Vars(("approved", true)));
        Assert.Equal(["people-ops"], longLeave.OpenTask("hrConfirm").CandidateGroups);

        var shortLeave = TemplateRun.Start("leave-request", parameters, Vars(("days", 2)));
        shortLeave.CompleteTask("approve", Vars(("approved", true)));
        Assert.Equal(InstanceStatus.Completed, shortLeave.State.Status);
        Assert.Equal("approved", shortLeave.Variable("leaveStatus").GetString());
    }

    [Fact]
    public void OnboardingRunsItFacilitiesAndHrInParallelAndWelcomesOnlyAfterAllThree()
    {
        var run = TemplateRun.Start("employee-onboarding");
        run.CompleteTask("plan");

        Assert.Equal(["facilities", "hr", "it"], run.OpenUserTasks.Select(t => t.ElementId).Order());
        run.CompleteTask("it");
        run.CompleteTask("hr");
        Assert.DoesNotContain(run.OpenUserTasks, t => t.ElementId == "welcome");
        run.CompleteTask("facilities");
        Assert.Equal("welcome", Assert.Single(run.OpenUserTasks).ElementId);
    }

    [Fact]
    public void AHighErrorRateSendsTheDataToTheStewardAndTheWorkerRunsAgainAfterTheFix()
    {
        var run = TemplateRun.Start("data-quality-check", new Dictionary<string, string?> { ["workerTopic"] = "dq.customers", ["maxErrorRate"] = "2" });
        Assert.Equal("dq.customers", run.OpenExternalTask("run").Topic);

        run.CompleteExternalTask("run", Vars(("errorRate", 7.5)));
        run.CompleteTask("fix");
        run.CompleteExternalTask("run", Vars(("errorRate", 1.5)));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.True(run.Variable("published").GetBoolean());
    }

    [Fact]
    public void ALoanBelowTheMinimumCreditScoreIsDeclinedWithoutATask()
    {
        var run = TemplateRun.Start("loan-application", new Dictionary<string, string?> { ["minimumCreditScore"] = "650" }, Vars(("amount", 1000), ("creditScore", 640)));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal("declined", run.Variable("decision").GetString());
        Assert.Empty(run.EffectsOf<UserTaskCreated>());
    }

    [Fact]
    public void AStandardChangeSkipsTheCab()
    {
        var run = TemplateRun.Start("change-request");
        run.CompleteTask("assess", Vars(("risk", 1)));

        Assert.Equal("implement", Assert.Single(run.OpenUserTasks).ElementId);
    }
}
