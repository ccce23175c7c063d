// Checks files from outside off the page's thread, in a wasm instance of
// its own: file-checks.js and its wasm are built by Trunk from the
// file-worker crate. The page posts one request at a time (a plain object,
// see file-worker/src/protocol.rs) and waits for the reply:
//   { answer }       the checks' answer;
//   { crashed }      the wasm stopped on the file (a panic, an abort, or
//                    running out of its memory): the instance cannot be
//                    used again, and the page terminates this worker;
//   { unavailable }  the wasm did not load, so nothing was checked.
importScripts('./file-checks.js');
const ready = wasm_bindgen({ module_or_path: './file-checks_bg.wasm' });

onmessage = async (event) => {
  try {
    await ready;
  } catch (error) {
    postMessage({ unavailable: String(error) });
    return;
  }
  try {
    postMessage({ answer: wasm_bindgen.check(event.data) });
  } catch (error) {
    postMessage({ crashed: String(error) });
  }
};
