package dev.tlkit.recipes;

import dev.tlkit.data.ImageSet;
import java.util.Optional;

/**
 * A method trained on the trial's real labelled images mixed with extra labelled images (e.g. synthetic ones): the
 * real images repeated until they are {@code realShare} of the mix, so a handful of them is not drowned by
 * thousands of extra ones. Tested on the trial's real test set, like every method.
 */
public record Mixed(Method<ImageSet> method, ImageSet extra, double realShare) implements Method<ImageSet> {
    public Mixed {
        if (realShare <= 0 || realShare >= 1) {
            throw new IllegalArgumentException("the real images' share of the mix must be between 0 and 1, got "
                    + realShare);
        }
    }

    @Override
    public String name() {
        return method.name() + " on real + " + extra.name();
    }

    @Override
    public String source() {
        return method.source();
    }

    @Override
    public boolean runsAt(int k) {
        return method.runsAt(k);
    }

    @Override
    public Run run(Trial<ImageSet> trial) {
        ImageSet real = trial.train();
        int copies = (int) Math.max(1, Math.round(realShare / (1 - realShare) * extra.size() / real.size()));
        int[] repeated = new int[copies * real.size()];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = i % real.size();
        }
        ImageSet mix = extra.plus(real.select(repeated, real.name() + " x" + copies), "real + " + extra.name());
        return method.run(new Trial<>(trial.k(), trial.seed(), mix, Optional.empty(), trial.pool(), trial.validation(),
                trial.test(), trial.groups(), trial.extraTests(), trial.cache())).named(name());
    }
}
