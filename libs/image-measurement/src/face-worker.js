'use strict';
/*
 * Face detection worker (plain CommonJS, like pdf-worker.js: runs unchanged
 * under ts-jest, tsx and the api bundle, which copies it next to main.js).
 *
 * Runs @vladmandic/face-api (TinyFaceDetector + tiny 68-point landmarks) on
 * the TensorFlow.js WASM backend, CPU only, weights read from the package's
 * own model/ folder: nothing is downloaded. The input is the small analysis
 * image (300 px wide), so the tensors are of a fixed, small size; the parent
 * terminates this worker past a time budget and created it with V8
 * resourceLimits.
 *
 * Protocol: posts {ready:true} once the models are loaded (or {ready:true,
 * failed:message}); then for each {id, width, height, rgb} posts {id, ok:true,
 * result: faces} or {id, ok:false, error}.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { dirname, join } = require('node:path');

const silent = () => undefined;
console.log = silent;
console.warn = silent;
console.info = silent;
console.debug = silent;

const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const options = workerData.detector;

/*
 * The WASM backend's Concat copies in JavaScript one subarray per (outer index, input): along the
 * channels of a [1, 320, 320, 1] tensor (face-api's mean-RGB normalisation joins three of them)
 * that is 300,000 typed-array views and copies, a quarter of a detection's time. This kernel
 * makes the same copy element by element when every input's inner block is small (the same
 * values in the same order: a copy computes nothing), and leaves every other case to the
 * original. `workerData.plainConcat` keeps the original everywhere (the test that compares both).
 */
function fastConcat(tf, original) {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const dtype = inputs[0] && inputs[0].dtype;
    if (inputs.length < 2 || dtype === 'string' || inputs.some((t) => t.dtype !== dtype))
      return original(args);
    const axis = tf.util.parseAxisParam(attrs.axis, inputs[0].shape)[0];
    const inner = inputs.map((t) => tf.util.sizeFromShape(t.shape.slice(axis)));
    if (inner.some((n) => n === 0 || n > 16)) return original(args);
    const shapes = inputs.map((t) => t.shape);
    tf.backend_util.assertParamsConsistent(shapes, axis);
    const out = backend.makeOutput(tf.backend_util.computeOutShape(shapes, axis), dtype);
    const outVals = backend.typedArrayFromHeap(out);
    const inVals = inputs.map((t) => backend.typedArrayFromHeap(t));
    const outer = tf.util.sizeFromShape(inputs[0].shape.slice(0, axis));
    let o = 0;
    for (let b = 0; b < outer; b++) {
      for (let i = 0; i < inVals.length; i++) {
        const vals = inVals[i];
        for (let k = b * inner[i], end = k + inner[i]; k < end; k++) outVals[o++] = vals[k];
      }
    }
    return out;
  };
}

const loading = (async () => {
  const tf = faceapi.tf;
  await tf.setBackend('wasm');
  await tf.ready();
  if (!workerData.plainConcat) {
    const concat = tf.getKernel('Concat', 'wasm');
    tf.unregisterKernel('Concat', 'wasm');
    tf.registerKernel({ ...concat, kernelFunc: fastConcat(tf, concat.kernelFunc) });
  }
  const dir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(dir);
  await faceapi.nets.faceLandmark68TinyNet.loadFromDisk(dir);
  // The first inference of a fresh backend is several times slower (kernels set up): do it before saying ready,
  // so that the time budget of a job measures the detection only.
  await detect({ width: 450, height: 579, rgb: new Uint8Array(450 * 579 * 3).fill(128) });
  const blank = tf.zeros([112, 112, 3]);
  await faceapi.nets.faceLandmark68TinyNet.detectLandmarks(blank);
  blank.dispose();
})();

async function detect(msg) {
  const tf = faceapi.tf;
  const tensor = tf.tensor3d(msg.rgb, [msg.height, msg.width, 3], 'int32');
  try {
    const results = await faceapi
      .detectAllFaces(
        tensor,
        new faceapi.TinyFaceDetectorOptions({
          inputSize: options.inputSize,
          scoreThreshold: options.scoreThreshold,
        }),
      )
      .withFaceLandmarks(true);
    return results.map((r) => ({
      detection: {
        score: r.detection.score,
        box: {
          x: r.detection.box.x,
          y: r.detection.box.y,
          width: r.detection.box.width,
          height: r.detection.box.height,
        },
      },
      landmarks: { positions: r.landmarks.positions.map((p) => ({ x: p.x, y: p.y })) },
    }));
  } finally {
    tensor.dispose();
  }
}

loading.then(
  () => {
    parentPort.on('message', (msg) => {
      detect(msg).then(
        (result) => parentPort.postMessage({ id: msg.id, ok: true, result }),
        (e) =>
          parentPort.postMessage({ id: msg.id, ok: false, error: String((e && e.message) || e) }),
      );
    });
    parentPort.postMessage({ ready: true });
  },
  (e) => {
    parentPort.on('message', (msg) =>
      parentPort.postMessage({
        id: msg.id,
        ok: false,
        error: 'models: ' + String((e && e.message) || e),
      }),
    );
    parentPort.postMessage({ ready: true });
  },
);
