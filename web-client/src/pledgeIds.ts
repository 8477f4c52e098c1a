// Headings of pledge documents carry a stable `pledgeId` attribute in the Yjs document (set by the
// server's seed and import; the pledge index, links and statuses hang on it). The editor schema
// must know the attribute: otherwise ProseMirror drops it and the next edit of that heading
// would remove it from the shared document.
import { Extension } from '@tiptap/core';

export const PledgeIdAttribute = Extension.create({
  name: 'pledgeIdAttribute',
  addGlobalAttributes: () => [
    {
      types: ['heading'],
      attributes: {
        pledgeId: {
          default: null,
          keepOnSplit: false,
          parseHTML: (element: HTMLElement) => element.getAttribute('data-pledge-id'),
          renderHTML: (attributes: Record<string, unknown>) => (typeof attributes.pledgeId === 'string' ? { 'data-pledge-id': attributes.pledgeId } : {}),
        },
      },
    },
  ],
});
