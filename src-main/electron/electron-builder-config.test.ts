/**
 * electron-builder cannot package here (it downloads Electron), so this checks electron-builder.yml
 * the way `electron-builder` itself does first: loaded and validated against its own schema, then
 * the settings security and native modules depend on.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = join(__dirname, '..', '..')
const requireFromRoot = createRequire(join(repoRoot, 'package.json'))

interface BuilderConfig {
  asarUnpack?: string[]
  files?: Array<{ filter: string[] }>
  electronFuses?: Record<string, boolean>
  linux?: { target?: unknown[] }
  mac?: { target?: Array<{ target: string }> }
  win?: { target?: Array<{ target: string }> }
}

async function loadValidatedConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>
  }
  const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
  const config = await getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and packs what the app needs', async () => {
    const config = await loadValidatedConfig()
    expect(config.files?.[0]?.filter).toEqual(expect.arrayContaining(['out/**', 'resources/**', 'package.json']))
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/mediainfo.js/**']),
    )
    expect(config.mac?.target?.map((t) => t.target)).toEqual(['dmg'])
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis'])
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
  })

  it('burns in the fuses that stop the binary being used as a Node runtime', async () => {
    const config = await loadValidatedConfig()
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })
})
