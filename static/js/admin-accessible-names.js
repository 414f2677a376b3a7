// Gives the admin's widgets the accessible names their labels promise (axe-core finds none otherwise):
// the rich-text editor, the autocomplete boxes, file inputs (Django labels them with a fieldset legend only)
// and the fields of tabular inline rows (labelled only by their column header).
(() => {
  const named = (element, fallback) => {
    element.id ||= fallback;
    return element.id;
  };

  const columnHeader = (field) => {
    const cell = field.closest("td");
    const name = cell && [...cell.classList].find((c) => c.startsWith("field-"))?.slice("field-".length);
    return name ? cell.closest("table")?.querySelector(`thead th.column-${CSS.escape(name)}`) : null;
  };

  const labelId = (field) => {
    const label = (field.id && document.querySelector(`label[for="${CSS.escape(field.id)}"]`)) || columnHeader(field);
    return label ? named(label, `${field.id}-label`) : null;
  };

  const nameEditor = (textarea) => {
    const editable = textarea.closest(".prose-editor")?.querySelector("[contenteditable]");
    const id = labelId(textarea);
    if (editable && id) editable.setAttribute("aria-labelledby", id);
  };

  const nameAutocompletes = (root) => {
    root.querySelectorAll("select.select2-hidden-accessible").forEach((select) => {
      const id = labelId(select);
      const container = select.nextElementSibling;
      if (!id || !container) return;
      container.querySelectorAll(".select2-selection--single").forEach((box) => {
        const shown = box.getAttribute("aria-labelledby") || "";
        if (!shown.includes(id)) box.setAttribute("aria-labelledby", `${id} ${shown}`.trim());
      });
      container.querySelectorAll(".select2-selection__rendered[role]").forEach((shown) => shown.setAttribute("aria-labelledby", id));
      container.querySelectorAll(".select2-search__field").forEach((input) => input.setAttribute("aria-labelledby", id));
    });
  };

  const nameFileInputs = (root) => {
    root.querySelectorAll("fieldset").forEach((fieldset) => {
      const legend = fieldset.querySelector(":scope > legend");
      const inputs = fieldset.querySelectorAll('input[type="file"]');
      if (legend && inputs.length === 1 && !labelId(inputs[0])) {
        inputs[0].setAttribute("aria-labelledby", named(legend, `${inputs[0].id}-legend`));
      }
    });
  };

  const nameInlineFields = (root) => {
    root.querySelectorAll("td input:not([type=hidden]), td select, td textarea").forEach((field) => {
      const header = !field.labels?.length && !field.hasAttribute("aria-labelledby") && columnHeader(field);
      if (header) field.setAttribute("aria-labelledby", named(header, `${field.id}-label`));
    });
  };

  document.addEventListener("prose-editor:ready", (event) => nameEditor(event.detail.textarea));
  document.querySelectorAll(".prose-editor textarea").forEach(nameEditor);
  nameFileInputs(document);
  nameInlineFields(document);
  // Django's autocomplete.js starts Select2 in a jQuery ready handler and on "formset:added"; these run after it.
  window.django?.jQuery?.(() => nameAutocompletes(document));
  document.addEventListener("formset:added", (event) => {
    nameInlineFields(event.target);
    nameAutocompletes(event.target);
  });
})();
