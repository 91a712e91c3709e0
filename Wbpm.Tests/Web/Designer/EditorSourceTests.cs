using Wbpm.Web.Features.Designer.Properties;

namespace Wbpm.Tests.Web.Designer;

/// <summary>When a panel editor reloads from the canvas and when it keeps what the user is typing.</summary>
public sealed class EditorSourceTests
{
    [Fact]
    public void First_content_of_an_element_loads_the_editor()
    {
        var source = new EditorSource<string>();

        Assert.True(source.IsNew("Task_1", "a"));
    }

    [Fact]
    public void Re_render_with_the_same_content_does_not_reload()
    {
        var source = new EditorSource<string>();
        source.IsNew("Task_1", "a");

        Assert.False(source.IsNew("Task_1", "a"));
    }

    [Fact]
    public void Canvas_describing_back_what_the_editor_wrote_does_not_reload()
    {
        var source = new EditorSource<string>();
        source.IsNew("Task_1", "a");
        source.Wrote("Task_1", "ab");

        Assert.False(source.IsNew("Task_1", "ab"));
    }

    [Fact]
    public void Echo_of_an_earlier_write_does_not_reload_over_a_later_one()
    {
        var source = new EditorSource<string>();
        source.IsNew("Task_1", "a");
        source.Wrote("Task_1", "ab");
        source.Wrote("Task_1", "abc");

        Assert.False(source.IsNew("Task_1", "ab"));
        Assert.False(source.IsNew("Task_1", "abc"));
    }

    [Fact]
    public void Content_nobody_wrote_from_this_editor_reloads_it()
    {
        var source = new EditorSource<string>();
        source.IsNew("Task_1", "a");
        source.Wrote("Task_1", "ab");
        source.IsNew("Task_1", "ab");

        // An undo on the canvas brings back content the editor did not just write.
        Assert.True(source.IsNew("Task_1", "a"));
    }

    [Fact]
    public void Same_content_on_another_element_reloads_the_editor()
    {
        var source = new EditorSource<string>();
        source.IsNew("Task_1", "a");

        Assert.True(source.IsNew("Task_2", "a"));
    }

    [Fact]
    public void After_an_outside_change_old_pending_writes_are_forgotten()
    {
        var source = new EditorSource<string>();
        source.IsNew("Task_1", "a");
        source.Wrote("Task_1", "ab");
        source.IsNew("Task_1", "x");

        Assert.True(source.IsNew("Task_1", "ab"));
    }
}
