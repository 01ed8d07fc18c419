package dev.tlkit.models;

/**
 * A network design without trained weights: what "training from scratch" starts from.
 *
 * @param <S> the sets the network reads
 */
public interface Architecture<S> {

    /** E.g. "SmallCnn". */
    String name();

    /** A new network of this design, its weights drawn at random from {@code seed}. */
    FineTunable<S> randomInit(long seed);
}
