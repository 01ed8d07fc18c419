package dev.tlkit.models;

import ai.djl.MalformedModelException;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.Utils;
import java.io.IOException;

/**
 * DJL's model zoo: ImageNet models downloaded from DJL's hub. The kit's lessons work without it (no
 * hub is reachable from the kit's machines); with a network and without {@code -Dai.djl.offline=true}
 * this loads a real ImageNet ResNet through DJL's {@link Criteria}.
 */
public final class ModelZoo {
    private ModelZoo() {
    }

    /** An ImageNet-trained ResNet-18 from DJL's PyTorch model zoo (needs the network the first time). */
    public static ZooModel<Image, Classifications> imagenetResnet18() {
        if (Utils.isOfflineMode()) {
            throw new IllegalStateException(offlineMessage());
        }
        Criteria<Image, Classifications> criteria = Criteria.builder()
                .setTypes(Image.class, Classifications.class)
                .optApplication(ai.djl.Application.CV.IMAGE_CLASSIFICATION)
                .optEngine("PyTorch")
                .optArtifactId("resnet")
                .optFilter("layers", "18")
                .optFilter("dataset", "imagenet")
                .build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | IOException e) {
            throw new IllegalStateException("could not download the ImageNet ResNet-18 from DJL's model zoo ("
                    + e.getMessage() + "). " + alternative(), e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("the downloaded ResNet-18 is damaged: delete ~/.djl.ai/cache and retry", e);
        }
    }

    static String offlineMessage() {
        return "the ImageNet ResNet-18 comes from DJL's model zoo and needs the network, but DJL runs offline here"
                + " (-Dai.djl.offline=true, as in the kit's kernel). " + alternative();
    }

    private static String alternative() {
        return "Use the kit's own pre-trained backbone instead: VisionBackbone.load(\"fashion-source-cnn\").";
    }
}
