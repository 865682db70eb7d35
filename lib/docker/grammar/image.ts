// Images and builds: `docker image …`, `docker builder …` and their short forms (`docker build`, `docker pull`, `docker images`…).
// Names, summaries, flags, shorthands, types and help texts come from docker 28's `--help`
// (transcribed.json, written by scripts/capture-docker-grammar.ts); argument counts as the
// client enforces them, the explanations and value checks, are ours.
import type { CommandSpec } from '../types'

import { fromHelp } from './transcription'

export const IMAGE_COMMANDS: readonly CommandSpec[] = [
  fromHelp({
    path: ['builder'],
    group: true,
    explain: 'Commands that look after the build machinery: building images and clearing the build cache.',
    args: [],
  }),
  fromHelp({
    path: ['builder', 'prune'],
    explain: 'Deletes the build cache: the saved results of earlier build steps that make rebuilds fast. Frees disk space; the next build starts from scratch.',
    args: [],
  }),
  fromHelp({
    path: ['image'],
    group: true,
    explain: 'Everything you can do with images: build, pull, push, list, tag, remove… The short forms (`docker pull`, `docker images`) are aliases of these.',
    args: [],
  }),
  fromHelp({
    path: ['image', 'build'],
    explain: 'Builds an image from a Dockerfile and a build context (a folder, a Git URL, or - for standard input). On this client it is the legacy builder, which warns that it is deprecated in favour of BuildKit (buildx).',
    args: [{ name: 'PATH | URL | -', kind: 'path', min: 1, max: 1 }],
    flagOverlays: {
      'add-host': { check: 'host-ip', explain: 'Adds a host-to-IP entry (host:ip) to /etc/hosts during the build\'s RUN steps.' },
      'build-arg': { explain: 'Sets a build argument (NAME=value) that the Dockerfile reads with ARG.' },
      'cache-from': { explain: 'Uses the given images as a source of cached layers.' },
      'cgroup-parent': { explain: 'Parent cgroup for the containers of the RUN steps.' },
      'compress': { explain: 'Compresses the build context with gzip before sending it to the engine.' },
      'cpu-period': { explain: 'CPU period limit for the RUN steps.' },
      'cpu-quota': { explain: 'CPU quota limit for the RUN steps.' },
      'cpu-shares': { explain: 'Relative CPU weight for the RUN steps.' },
      'cpuset-cpus': { explain: 'CPU cores the RUN steps may use.' },
      'cpuset-mems': { explain: 'Memory nodes the RUN steps may use.' },
      'disable-content-trust': { explain: 'Skips checking the signature of base images.' },
      'file': { explain: 'Uses the Dockerfile {value} instead of Dockerfile in the context folder.' },
      'force-rm': { explain: 'Always removes the temporary containers of the steps, even after a failure.' },
      'iidfile': { explain: 'Writes the new image\'s ID into the file {value}.' },
      'isolation': { explain: 'Isolation technology for the build\'s containers (Windows hosts).' },
      'label': { explain: 'Attaches a key=value label to the image.' },
      'memory': { explain: 'Memory limit for the RUN steps ({value}).' },
      'memory-swap': { explain: 'Memory plus swap limit for the RUN steps; -1 for unlimited.' },
      'network': { explain: 'Network the RUN steps use ({value}).' },
      'no-cache': { explain: 'Runs every step again instead of reusing cached layers from earlier builds.' },
      'platform': { check: 'platform', explain: 'Builds the image for {value} (e.g. linux/amd64).' },
      'pull': { explain: 'Always downloads a newer version of the base images named in FROM.' },
      'quiet': { explain: 'Hides the build output and prints only the new image\'s ID.' },
      'rm': { explain: 'Removes the temporary containers of the steps after a successful build (on by default).' },
      'security-opt': { explain: 'Security options for the RUN steps.' },
      'shm-size': { explain: 'Size of /dev/shm for the RUN steps ({value}).' },
      'squash': { explain: 'Merges the new layers into one (experimental daemons only).' },
      'tag': { check: 'tag', explain: 'Names the new image {value} (name:tag), so you can run it by name. Can be given several times.' },
      'target': { explain: 'Builds only up to the stage named {value} of a multi-stage Dockerfile.' },
      'ulimit': { explain: 'Resource limits for the RUN steps (name=soft[:hard]).' },
    },
  }),
  fromHelp({
    path: ['image', 'history'],
    explain: 'Shows the layers an image is made of, with the Dockerfile step that created each one and its size.',
    args: [{ name: 'IMAGE', kind: 'image', min: 1, max: 1 }],
  }),
  fromHelp({
    path: ['image', 'import'],
    explain: 'Creates an image from a tar archive of a filesystem (a file, a URL, or - for standard input), for example one made by `docker export`.',
    args: [{ name: 'file|URL|-', kind: 'path', min: 1, max: 1 }, { name: 'REPOSITORY[:TAG]', kind: 'image', min: 0, max: 1 }, { name: 'IGNORED', kind: 'text', min: 0, max: null }],
  }),
  fromHelp({
    path: ['image', 'inspect'],
    explain: 'Prints everything Docker knows about images (layers, default command, environment, exposed ports) as JSON.',
    args: [{ name: 'IMAGE', kind: 'image', min: 1, max: null }],
  }),
  fromHelp({
    path: ['image', 'load'],
    explain: 'Loads images from a tar archive made by `docker save` (from a file or standard input).',
    args: [],
  }),
  fromHelp({
    path: ['image', 'ls'],
    lists: { what: 'the images', all: 'all images, intermediate ones included', ids: 'IDs' },
    explain: 'Lists the images stored on your computer, with their repository, tag, ID and size.',
    args: [{ name: 'REPOSITORY[:TAG]', kind: 'image', min: 0, max: 1 }],
    flagOverlays: {
      all: { explain: 'Also shows intermediate images (layers built as steps of other images).' },
      digests: { explain: 'Adds a column with each image\'s content digest (sha256:…).' },
      tree: { explain: 'Shows multi-platform images as a tree of their platform variants (experimental).' },
    },
  }),
  fromHelp({
    path: ['image', 'prune'],
    explain: 'Removes unused images: by default only dangling ones (untagged leftovers of rebuilds), with -a every image no container uses.',
    args: [],
  }),
  fromHelp({
    path: ['image', 'pull'],
    traits: ['pulls-image', 'checks-image-reference'],
    explain: 'Downloads an image (all its layers) from a registry, Docker Hub unless the name says otherwise, so containers can be created from it.',
    args: [{ name: 'NAME[:TAG|@DIGEST]', kind: 'image', min: 1, max: 1 }],
    flagOverlays: {
      'all-tags': { explain: 'Downloads every tag of the repository, not just one.' },
      'disable-content-trust': { explain: 'Skips checking the image\'s signature.' },
      'platform': { check: 'platform', explain: 'Downloads the variant of the image built for {value} (e.g. linux/arm64).' },
      'quiet': { explain: 'Hides the download progress: only the image\'s full name is printed at the end.' },
    },
  }),
  fromHelp({
    path: ['image', 'push'],
    explain: 'Uploads an image to a registry so others (or servers) can pull it. You usually need `docker login` first and a name in your namespace.',
    args: [{ name: 'NAME[:TAG]', kind: 'image', min: 1, max: 1 }],
    flagOverlays: {
      'all-tags': { explain: 'Uploads every local tag of the repository.' },
      'disable-content-trust': { explain: 'Skips signing the image.' },
      'platform': { explain: 'Pushes only the variant for {value} of a multi-platform image.' },
    },
  }),
  fromHelp({
    path: ['image', 'rm'],
    explain: 'Deletes images from your computer. An image used by a container cannot be removed unless forced.',
    args: [{ name: 'IMAGE', kind: 'image', min: 1, max: null }],
    flagOverlays: {
      'force': { explain: 'Removes the image even if it has several tags or a stopped container uses it.' },
      'no-prune': { explain: 'Keeps the untagged parent images instead of deleting them too.' },
      'platform': { explain: 'Removes only the variant for {value} of a multi-platform image.' },
    },
  }),
  fromHelp({
    path: ['image', 'save'],
    explain: 'Writes images (all their layers and tags) into a tar archive, for moving them without a registry. `docker load` reads it back.',
    args: [{ name: 'IMAGE', kind: 'image', min: 1, max: null }],
  }),
  fromHelp({
    path: ['image', 'tag'],
    traits: ['checks-image-reference'],
    explain: 'Gives an image an additional name (repository and tag); nothing is copied, both names point at the same image.',
    args: [{ name: 'SOURCE_IMAGE[:TAG]', kind: 'image', min: 1, max: 1 }, { name: 'TARGET_IMAGE[:TAG]', kind: 'image', min: 1, max: 1 }],
  }),
]
