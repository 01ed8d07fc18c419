package dev.tlkit.recipes;

import dev.tlkit.data.ImageAugmentation;
import dev.tlkit.data.ImageSet;
import dev.tlkit.nn.Examples;

/**
 * Training examples drawn anew in every epoch (a shifted or mirrored copy of each image), so a network that
 * learns its features sees more variety than the labelled examples alone.
 *
 * @param <S> what the examples are
 */
public interface Augmentation<S> {

    /** E.g. "shifts up to 2 px, mirror". */
    String name();

    /** {@code train} as training examples, each augmented when it is batched. */
    Examples examples(S train);

    /** Image augmentation: random shifts, mirror images, noise. */
    static Augmentation<ImageSet> of(ImageAugmentation augmentation) {
        return new Augmentation<>() {
            @Override
            public String name() {
                return augmentation.describe();
            }

            @Override
            public Examples examples(ImageSet train) {
                return Examples.of(train, augmentation);
            }
        };
    }
}
