using Wbpm.Web.Features.Tasks;

namespace Wbpm.Tests.Web;

/// <summary>How the task page's diagram marks the instance's active elements.</summary>
public sealed class ActivityMarkersTests
{
    [Fact]
    public void The_task_s_own_activity_is_current_and_parallel_branches_are_active()
    {
        var markers = ActivityMarkers.For(["approve", "notify", "approve"], "approve");

        Assert.Equal(2, markers.Count);
        Assert.Equal(ActivityMarkers.Current, markers["approve"]);
        Assert.Equal(ActivityMarkers.Active, markers["notify"]);
    }

    [Fact]
    public void A_completed_task_marks_nothing_as_current()
    {
        var markers = ActivityMarkers.For(["hrConfirm"], currentElementId: null);

        Assert.Equal(ActivityMarkers.Active, Assert.Single(markers).Value);
    }
}
