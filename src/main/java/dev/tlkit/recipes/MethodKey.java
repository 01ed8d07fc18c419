package dev.tlkit.recipes;

/** Names a method in results: results are looked up by the method object itself, never by a string. */
public interface MethodKey {

    /** The method's name and source, e.g. "linear probe (fashion-source-cnn)". */
    String label();
}
