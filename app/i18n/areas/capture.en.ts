/** English strings of the capture area (a run as a pcapng file). capture.zh.ts has the same keys. */
export const captureEn = {
  capture: {
    download: 'Download capture (pcapng)',
    point: "Captured at the broker's network interface (10.0.0.1, port 1883): opens in Wireshark.",
    lossy: 'Lossy model: the textbook picture, not TCP — a lost packet is simply missing from the capture.',
  },
};
