/** Raised for an option that cannot work; the message names the option. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
