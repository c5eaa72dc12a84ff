// The sound of a new decision: a short two-note chime written as a WAV in memory when first
// needed (no file to fetch, nothing downloaded) and played through Web Audio. Off by default.

const RATE = 22_050;

/** A 16-bit mono PCM WAV of two soft notes (E5 then A5), 0.36 s long: about 16 KB. */
export function chimeWav(): ArrayBuffer {
  const notes = [{ hz: 659.25, from: 0, to: 0.16 }, { hz: 880, from: 0.14, to: 0.36 }];
  const samples = Math.round(RATE * 0.36);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (at: number, value: string) => [...value].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true); // the fmt chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    let value = 0;
    for (const note of notes) {
      if (t < note.from || t > note.to) continue;
      // A quick rise and an exponential fall, so the notes do not click.
      const local = t - note.from;
      const envelope = Math.min(1, local / 0.01) * Math.exp(-local * 14);
      value += Math.sin(2 * Math.PI * note.hz * local) * envelope;
    }
    view.setInt16(44 + i * 2, Math.max(-1, Math.min(1, value * 0.35)) * 0x7fff, true);
  }
  return buffer;
}

let audio: { context: AudioContext; chime: Promise<AudioBuffer> } | null = null;

/**
 * Gets the audio ready; call it from the click that turns the sound on (browsers let a page
 * make sound only after the person has interacted with it).
 */
export function prepareChime(): void {
  const AudioContextClass = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!AudioContextClass) return;
  if (!audio) {
    const context = new AudioContextClass();
    audio = { context, chime: context.decodeAudioData(chimeWav()) };
  }
  void audio.context.resume().catch(() => {});
}

/** Plays the chime if the audio is ready; silently nothing otherwise (no sound is no error). */
export function playChime(): void {
  if (!audio) return;
  const { context, chime } = audio;
  void chime.then((buffer) => {
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    source.start();
  }, () => {});
}
