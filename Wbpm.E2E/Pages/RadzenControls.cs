using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>Waits and retries that Radzen's own client-side timing needs before a journey can type or pick.</summary>
public static class RadzenControls
{
    /// <summary>
    /// The open dialog, once Radzen has focused its first field. Radzen does that 500 ms after the dialog opens (a
    /// setTimeout in Radzen.openDialog); on a loaded machine a journey is already filling a later field then, the focus
    /// jumps mid-fill and the rest of the text lands in the first field (CI saw a user created without its password).
    /// </summary>
    public static async Task<ILocator> OpenedDialogAsync(IPage page)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
        return dialog;
    }

    /// <summary>
    /// Opens <paramref name="dropDown"/> and picks the option with that text, then checks the drop-down shows it. Radzen
    /// closes an open list when an ancestor scrolls or the server re-renders the field (after the previous field's
    /// change), which can happen between opening and clicking: then the list is opened again, a few times at most.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator dropDown, string option)
    {
        var openList = page.Locator(".rz-dropdown-panel:visible");
        await dropDown.ScrollIntoViewIfNeededAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await openList.CountAsync() == 0)
                    await dropDown.ClickAsync();
                await openList.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (Exception e) when (attempt < 3 && e is TimeoutException or PlaywrightException)
            {
                // The list closed under the click: open it again.
            }
        }
        await Assertions.Expect(dropDown).ToContainTextAsync(option);
    }
}
