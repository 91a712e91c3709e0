// Small helpers for Blazor interop; feature modules live beside their features.
window.wbpm = {
  submitForm(id) {
    const form = document.getElementById(id);
    if (form) form.requestSubmit();
  },
};
