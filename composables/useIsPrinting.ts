// Whether the deck is being printed or exported (PDF, PNG): widgets then show a complete, static state.
// Kept in its own file so component tests can replace it without loading Slidev's client.

import type { Ref } from 'vue'
import { useNav } from '@slidev/client'

export function useIsPrinting(): Readonly<Ref<boolean>> {
  return useNav().isPrintMode
}
