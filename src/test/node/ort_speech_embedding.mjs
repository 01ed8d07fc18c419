// The reference for the kit's speech embedding: ONNX Runtime Web (WebAssembly, one thread) runs the package's two
// models the way openWakeWord's Python AudioFeatures feeds them: the whole clip on the int16 scale into
// melspectrogram.onnx, frames scaled by mel / 10 + 2, windows of 76 frames every 8 frames into embedding_model.onnx
// as [windows, 76, 32, 1], and the clip's embedding is the mean of its windows'.
// Usage: node ort_speech_embedding.mjs REQUEST.json RESULT.json
// REQUEST: {"modelDir": ..., "clips": [[samples on the int16 scale], ...]}
import fs from 'fs';
import path from 'path';
import * as ort from 'onnxruntime-web';

const [requestFile, resultFile] = process.argv.slice(2);
const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
ort.env.wasm.numThreads = 1;
const load = name => ort.InferenceSession.create(fs.readFileSync(path.join(request.modelDir, name)).buffer);
const mel = await load('melspectrogram.onnx');
const embedding = await load('embedding_model.onnx');

const WINDOW = 76, STEP = 8, BINS = 32;
const result = { frames: [], embeddings: [], windows: [] };
for (const clip of request.clips) {
  const samples = new ort.Tensor('float32', Float32Array.from(clip), [1, clip.length]);
  const melOut = (await mel.run({ [mel.inputNames[0]]: samples }))[mel.outputNames[0]].data;
  const frames = Float32Array.from(melOut, v => v / 10 + 2);
  const count = Math.floor((frames.length / BINS - WINDOW) / STEP) + 1;
  const input = new Float32Array(count * WINDOW * BINS);
  for (let w = 0; w < count; w++) {
    input.set(frames.subarray(w * STEP * BINS, (w * STEP + WINDOW) * BINS), w * WINDOW * BINS);
  }
  const out = (await embedding.run({ [embedding.inputNames[0]]: new ort.Tensor('float32', input, [count, WINDOW, BINS, 1]) }))[embedding.outputNames[0]].data;
  const dim = out.length / count;
  const mean = new Array(dim).fill(0);
  for (let w = 0; w < count; w++) for (let d = 0; d < dim; d++) mean[d] += out[w * dim + d] / count;
  result.frames.push(Array.from(frames));
  result.embeddings.push(mean);
  result.windows.push(count);
}
fs.writeFileSync(resultFile, JSON.stringify(result));
