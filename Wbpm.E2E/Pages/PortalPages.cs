using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>"Start a request" (/portal): the catalogue of processes the user may start, and the start dialog with its form.</summary>
public sealed class PortalPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/portal");
        await Shell.WaitUntilInteractiveAsync(page);
    }

    public ILocator Card(string processName) => page.Locator("[data-testid=portal-process]").Filter(new() { HasText = processName });

    /// <summary>Opens the start dialog of <paramref name="processName"/> and waits for its form.</summary>
    public async Task<StartRequestDialog> StartAsync(string processName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Start {processName}", Exact = true }).ClickAsync();
        var dialog = await RadzenControls.OpenedDialogAsync(page);
        await dialog.Locator("[data-testid=form-view][data-ready=true]").WaitForAsync();
        return new StartRequestDialog(page, dialog);
    }
}

/// <summary>The start dialog: a business key and the start event's form (FormView, fields by their labels).</summary>
public sealed class StartRequestDialog(IPage page, ILocator dialog)
{
    public ILocator Root => dialog;

    public Task BusinessKeyAsync(string key) => dialog.GetByLabel("Business key (optional)").FillAsync(key);

    /// <summary>Types into a text, number or date field (dates as yyyy-MM-dd) and leaves it, like a person tabbing on.</summary>
    /// <remarks>
    /// On a heavily loaded machine a render of the previous field's change can land between typing and leaving a date
    /// field and put the field's old (empty) value back; the text is then typed again, as a person would. Recorded as an
    /// open issue (docs/forms.md); the journey still fails if the value never sticks.
    /// </remarks>
    public async Task FillAsync(string label, string value)
    {
        var field = dialog.GetByLabel(label, new() { Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            try
            {
                await Assertions.Expect(field).ToHaveValueAsync(value, new() { Timeout = attempt < 3 ? 3_000 : 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Submits and waits for the request's page (/portal/requests/{id}).</summary>
    public async Task SubmitAsync()
    {
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start request", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(new Regex("/portal/requests/[^/]+$"), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            // Say what the dialog showed instead (a refused field, an error) rather than only "timeout".
            var shown = await dialog.CountAsync() > 0 ? await dialog.InnerTextAsync() : "(no dialog)";
            throw new TimeoutException($"The request did not start; the dialog shows: {shown}");
        }
    }

    public ILocator ErrorOf(string fieldKey) => dialog.Locator($".validation-message[data-field='{fieldKey}']");
}

/// <summary>"My requests" (/portal/requests) and one request's page.</summary>
public sealed class MyRequestsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/portal/requests");
        await Shell.WaitUntilInteractiveAsync(page);
    }

    public ILocator Row(string businessKey) => page.Locator("[data-testid=requests-grid] tr").Filter(new() { HasText = businessKey });

    public ILocator Status => page.Locator(".rz-badge").First;
    public ILocator CurrentStep => page.Locator("[data-testid=request-current]");
    public ILocator Timeline => page.Locator("[data-testid=request-timeline] [data-testid=timeline-item]");
}

/// <summary>The bell in the header: unread count, the list, mark read.</summary>
public sealed class NotificationBell(IPage page)
{
    public ILocator Button => page.Locator("[data-testid=notification-bell]");
    public ILocator Count => page.Locator("[data-testid=notification-count]");
    public ILocator Items => page.Locator("[data-testid=notification-item]");

    public async Task OpenAsync()
    {
        await Button.ClickAsync();
        await page.Locator("[data-testid=notification-panel]").WaitForAsync();
    }
}
