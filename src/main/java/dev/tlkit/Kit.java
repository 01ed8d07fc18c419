package dev.tlkit;

import dev.tlkit.viz.Display;

/**
 * The first line of every lesson: {@code Kit.setUp();}. It sets what the lessons need whatever Jupyter kernel
 * runs them (the kit's, IJava, JJava): DJL offline (nothing is downloaded), PyTorch as DJL's engine, charts
 * drawn without a screen, and the kit's rich output (tables, charts, checks) for the running kernel.
 */
public final class Kit {
    private Kit() {
    }

    /** Sets DJL's offline mode, its engine and headless charts, and connects the notebook's display. */
    public static void setUp() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        System.setProperty("java.awt.headless", "true");
        Display.current();
    }
}
