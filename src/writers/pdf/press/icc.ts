/**
 * The colour profile of the press edition's output intent. Chromium paints
 * everything in device RGB, so the printing condition the file declares is
 * sRGB: a print shop's RIP converts it to its own press profile. The profile
 * is the sRGB.icc (ICC v2, 6922 bytes) of Debian's `icc-profiles-free`
 * (zlib licence, which allows redistributing it inside the PDF).
 */
import { readFile } from 'node:fs/promises'
import { failure } from '../../../util/failure.ts'

/** Where Debian's `icc-profiles-free` installs its sRGB profile. */
export const SRGB_PROFILE = '/usr/share/color/icc/sRGB.icc'

/** An ICC profile and the names the output intent gives it. */
export interface OutputProfile {
  readonly bytes: Uint8Array
  /** Colour components: 3 for RGB. */
  readonly components: 3
  /** The registered characterisation name (color.org registry). */
  readonly condition: string
}

/** Read the sRGB profile, checking it really is an RGB ICC profile. */
export async function srgbProfile(file: string = SRGB_PROFILE): Promise<OutputProfile> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw failure('icc-profile', `The press PDF needs the ICC profile ${file} (${error.code ?? error.message}); install it with: apt-get install icc-profiles-free`)
  })
  // Bytes 36–39 are the signature "acsp", 16–19 the colour space.
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to))
  if (ascii(36, 40) !== 'acsp' || ascii(16, 20) !== 'RGB ') throw failure('icc-profile', `${file} is not an RGB ICC profile`)
  return { bytes: new Uint8Array(bytes), components: 3, condition: 'sRGB IEC61966-2.1' }
}
