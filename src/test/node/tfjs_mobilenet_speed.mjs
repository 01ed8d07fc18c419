// How fast TensorFlow.js computes the kit's MobileNetV2 features (block_10, averaged over the image) for the
// benchmark: the package's model, the kit's preprocessing, batches timed after one warm-up batch.
// Usage: node tfjs_mobilenet_speed.mjs REQUEST.json RESULT.json
// REQUEST: {"modelDir": ..., "size": 96, "backend": "wasm" | "cpu", "threads": 2, "imagesFile": raw uint8 28x28
//           images, "count": N, "batch": 32, "repeats": 3}
// RESULT: {"backend": ..., "threads": the threads it ran, "images_per_second": [one per repeat], "first": [features of image 0]}
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths, setThreadsCount, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { loadMobileNet, preprocess } from './nsfwjs_mobilenet.mjs';

const require = createRequire(import.meta.url);
const [requestFile, resultFile] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));

if (request.backend === 'wasm') {
  setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
  setThreadsCount(request.threads);
}
if (!(await tf.setBackend(request.backend))) throw new Error('TensorFlow.js backend ' + request.backend + ' did not start');
await tf.ready();
const loaded = await loadMobileNet(request.modelDir, request.size, 'block_10_project_BN');

const bytes = fs.readFileSync(request.imagesFile);
const features = (from, to) => tf.tidy(() => {
  const images = tf.tensor4d(Float32Array.from(bytes.subarray(from * 784, to * 784), v => v / 255), [to - from, 28, 28, 1]);
  return loaded.predict(preprocess(images, request.size)).mean([1, 2]);
});
const pass = () => {
  for (let from = 0; from < request.count; from += request.batch) {
    const out = features(from, Math.min(request.count, from + request.batch));
    out.dataSync();
    out.dispose();
  }
};
const first = features(0, 1);
const firstValues = Array.from(first.dataSync());
first.dispose();
const rates = [];
for (let r = 0; r < request.repeats; r++) {
  const start = process.hrtime.bigint();
  pass();
  rates.push(request.count / (Number(process.hrtime.bigint() - start) / 1e9));
}
fs.writeFileSync(resultFile, JSON.stringify({
  // the threads the backend actually runs: node has no Blob-URL workers, so the threaded wasm build may not load
  backend: tf.getBackend(), threads: request.backend === 'wasm' ? getThreadsCount() : 1,
  images_per_second: rates, first: firstValues,
}));
