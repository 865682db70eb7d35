import { defineAppSetup } from '@slidev/types'
import { browserPage, registerOfflineCopy } from './offline/register'

// The built deck keeps itself offline once opened; the dev server has no service worker to register.
export default defineAppSetup(() => {
  if (import.meta.env.PROD && typeof window !== 'undefined')
    registerOfflineCopy(browserPage(), import.meta.env.BASE_URL)
})
