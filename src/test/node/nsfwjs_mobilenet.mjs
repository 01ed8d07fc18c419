// Shared by the parity and speed scripts: the nsfwjs package's MobileNetV2 as TensorFlow.js loads it (its own
// loader dequantizes the 8-bit weights), cut after `lastLayer` and made for inputs of `size` px (the file says 224),
// and the kit's preprocessing (bilinear resize with half-pixel centres, [-1, 1], grey to RGB).
import { createRequire } from 'module';
import path from 'path';
import * as tf from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);

/** The layer names of the model in the package folder `modelDir`, in order. */
export function layerNames(modelDir) {
  return require(path.join(modelDir, 'model.min.js')).modelTopology.model_config.config.layers.map(l => l.name);
}

export async function loadMobileNet(modelDir, size, lastLayer) {
  const model = require(path.join(modelDir, 'model.min.js'));
  const shards = model.weightsManifest[0].paths.map(p => Buffer.from(require(path.join(modelDir, p + '.min.js')), 'base64'));
  const weightData = Buffer.concat(shards);
  const config = JSON.parse(JSON.stringify(model.modelTopology));
  const layers = config.model_config.config.layers;
  const last = layers.findIndex(l => l.name === lastLayer);
  if (last < 0) throw new Error('the model has no layer ' + lastLayer);
  config.model_config.config.layers = layers.slice(0, last + 1);
  config.model_config.config.layers[0].config.batch_input_shape = [null, size, size, 3];
  config.model_config.config.output_layers = [[layers[last].name, 0, 0]];
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: config,
    weightSpecs: model.weightsManifest[0].weights,
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
  }), { strict: false });
}

/** 28x28 grey images in [0, 1] (a 4-d tensor) as the network's input of `size` px. */
export function preprocess(images, size) {
  return tf.image.resizeBilinear(images, [size, size], false, true).mul(2).sub(1).tile([1, 1, 1, 3]);
}
