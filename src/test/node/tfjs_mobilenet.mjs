// The reference for the kit's MobileNetV2: TensorFlow.js itself (pure JavaScript CPU backend) runs the model of
// the nsfwjs package — its own loader dequantizes the 8-bit weights — on the same 28x28 images, preprocessed as the
// kit does (bilinear resize with half-pixel centres, [-1, 1], grey to RGB), and writes the outputs of the layers
// asked for. Usage: node tfjs_mobilenet.mjs REQUEST.json RESULT.json
// REQUEST: {"modelDir": ..., "size": 96, "layers": ["Conv1_relu", ...], "images": [[784 numbers in 0..1], ...]}
import fs from 'fs';
import * as tf from '@tensorflow/tfjs';
import { layerNames, loadMobileNet, preprocess } from './nsfwjs_mobilenet.mjs';

const [requestFile, resultFile] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
const names = layerNames(request.modelDir);
const last = names[Math.max(...request.layers.map(name => names.indexOf(name)))];

await tf.setBackend('cpu');
const loaded = await loadMobileNet(request.modelDir, request.size, last);
const probe = tf.model({ inputs: loaded.inputs, outputs: request.layers.map(name => loaded.getLayer(name).output) });

const images = tf.tensor4d(request.images.flat(), [request.images.length, 28, 28, 1]);
const input = preprocess(images, request.size);
let outputs = probe.predict(input);
if (!Array.isArray(outputs)) outputs = [outputs];
const result = {};
request.layers.forEach((name, i) => {
  result[name] = { shape: outputs[i].shape, values: Array.from(outputs[i].dataSync()) };
});
fs.writeFileSync(resultFile, JSON.stringify(result));
