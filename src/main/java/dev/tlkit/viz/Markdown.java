package dev.tlkit.viz;

/** Markdown text that renders as formatted text in a notebook (text/markdown) and as itself elsewhere. */
public record Markdown(String text) {
    /** Displays the text formatted in the notebook (or prints it outside one). */
    public void show() {
        Display.current().show(this);
    }

    @Override
    public String toString() {
        return text;
    }
}
