// The reference for the kit's MobileNetV2: TensorFlow.js itself (pure JavaScript CPU backend) runs the model of
// the nsfwjs package — its own loader dequantizes the 8-bit weights — on the same 28x28 images, preprocessed as the
// kit does (bilinear resize with half-pixel centres, [-1, 1], grey to RGB), and writes the outputs of the layers
// asked for. Usage: node tfjs_mobilenet.mjs REQUEST.json RESULT.json
// REQUEST: {"modelDir": ..., "size": 96, "layers": ["Conv1_relu", ...], "images": [[784 numbers in 0..1], ...]}
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
import * as tf from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);
const [requestFile, resultFile] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
const model = require(path.join(request.modelDir, 'model.min.js'));
const shards = model.weightsManifest[0].paths.map(p => Buffer.from(require(path.join(request.modelDir, p + '.min.js')), 'base64'));
const weightData = Buffer.concat(shards);

// The layers up to the last one asked for, on inputs of the requested size (the file says 224).
const config = JSON.parse(JSON.stringify(model.modelTopology));
const layers = config.model_config.config.layers;
const last = Math.max(...request.layers.map(name => layers.findIndex(l => l.name === name)));
config.model_config.config.layers = layers.slice(0, last + 1);
config.model_config.config.layers[0].config.batch_input_shape = [null, request.size, request.size, 3];
config.model_config.config.output_layers = [[layers[last].name, 0, 0]];

await tf.setBackend('cpu');
const loaded = await tf.loadLayersModel(tf.io.fromMemory({
  modelTopology: config,
  weightSpecs: model.weightsManifest[0].weights,
  weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
}), { strict: false });
const probe = tf.model({ inputs: loaded.inputs, outputs: request.layers.map(name => loaded.getLayer(name).output) });

const images = tf.tensor4d(request.images.flat(), [request.images.length, 28, 28, 1]);
const input = tf.image.resizeBilinear(images, [request.size, request.size], false, true).mul(2).sub(1).tile([1, 1, 1, 3]);
let outputs = probe.predict(input);
if (!Array.isArray(outputs)) outputs = [outputs];
const result = {};
request.layers.forEach((name, i) => {
  result[name] = { shape: outputs[i].shape, values: Array.from(outputs[i].dataSync()) };
});
fs.writeFileSync(resultFile, JSON.stringify(result));
