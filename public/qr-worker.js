// Reads QR codes off the page's thread. Loaded only when someone scans codes
// from another tablet; qr-reader.js and its wasm are built by Trunk from the
// qr-reader crate. The page posts one canvas image at a time and waits for
// the answer, so a slow frame is skipped rather than queued.
importScripts('./qr-reader.js');
const ready = wasm_bindgen({ module_or_path: './qr-reader_bg.wasm' });

onmessage = async (event) => {
  const { image } = event.data;
  try {
    await ready;
    const text = wasm_bindgen.read_qr(image.data, image.width, image.height);
    postMessage({ text: text ?? null });
  } catch (error) {
    // The reader stopped on this image: the page starts a fresh worker.
    postMessage({ text: null, failed: String(error) });
  }
};
