using Radzen;
using Wbpm.Domain.Security;

namespace Wbpm.Web.Features.Admin.Shared;

/// <summary>
/// Runs a service call for a form and turns the domain's exceptions into what the person can act on: validation
/// errors next to the fields the form shows, everything else (other fields, not found, forbidden) as a toast.
/// One instance per form; <see cref="FieldError"/> renders <see cref="For"/>.
/// </summary>
public sealed class FormErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<string> For(string field) =>
        _errors.TryGetValue(field, out var messages) ? messages : [];

    public void Clear() => _errors = new Dictionary<string, string[]>();

    /// <summary>True when <paramref name="action"/> succeeded; otherwise the errors are shown and false returned.</summary>
    public async Task<bool> RunAsync(Func<Task> action, NotificationService notifications, params string[] shownFields)
    {
        Clear();
        try
        {
            await action();
            return true;
        }
        catch (ValidationException e)
        {
            _errors = e.Errors.Where(kv => shownFields.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            // Errors for fields this form does not show (or for the whole input) would otherwise be invisible.
            var elsewhere = e.Errors.Where(kv => !shownFields.Contains(kv.Key)).SelectMany(kv => kv.Value).ToList();
            if (elsewhere.Count > 0)
                notifications.Error("Not saved", string.Join(" ", elsewhere));
            return false;
        }
        catch (NotFoundException e)
        {
            notifications.Error("Not found", $"{e.Message} Someone may have removed it; reload the page.");
            return false;
        }
        catch (ForbiddenException e)
        {
            notifications.Error("Not allowed", e.Message);
            return false;
        }
    }
}
