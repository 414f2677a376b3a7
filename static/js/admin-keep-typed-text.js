// Back from a save that failed (the press room answered that nothing was saved) brings the form back from
// the browser's cache, and the browser puts what was typed back into the fields, the rich-text editor's
// hidden field too. The editor has already drawn the text the page was sent with: show it the newer text.
(() => {
  const [navigation] = performance.getEntriesByType("navigation");
  if (navigation?.type !== "back_forward") return;

  window.addEventListener("pageshow", () => {
    document.querySelectorAll(".prose-editor").forEach((container) => {
      const textarea = container.querySelector("textarea");
      const editor = container.querySelector(".ProseMirror")?.editor; // Tiptap keeps itself on its element.
      if (textarea && editor && textarea.value !== editor.getHTML()) {
        editor.commands.setContent(textarea.value, { emitUpdate: true });
      }
    });
  });
})();
