// The rich-text editor's paste: pasted HTML goes through the server's sanitizer (releases/admin/paste.py)
// before it enters the editor, so Word's and Google Docs' headings, lists, quotes and tables arrive as the
// body's own and the press officer sees at once what will be saved. Plain text, and what is copied
// within an editor, paste as usual; if the server cannot be reached, the editor's own paste is used.
import { Extension, Plugin } from "django-prose-editor/editor";

const cleaned = async (url, form, html) => {
  const body = new FormData();
  body.append("html", html);
  const token = form?.querySelector("[name=csrfmiddlewaretoken]")?.value ?? "";
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "X-CSRFToken": token },
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`paste cleaning answered ${response.status}`);
  return response.text();
};

export const PasteCleaner = Extension.create({
  name: "pasteCleaner",

  addOptions() {
    return { url: "" };
  },

  addProseMirrorPlugins() {
    const { editor } = this;
    const { url } = this.options;
    return [
      new Plugin({
        props: {
          handlePaste(view, event) {
            const html = event.clipboardData?.getData("text/html");
            if (!url || !html || html.includes("data-pm-slice")) return false;
            event.preventDefault();
            const { from, to } = view.state.selection;
            cleaned(url, view.dom.closest("form"), html)
              .then((content) => editor.chain().focus().insertContentAt({ from, to }, content).run())
              .catch(() => view.pasteHTML(html));
            return true;
          },
        },
      }),
    ];
  },
});
