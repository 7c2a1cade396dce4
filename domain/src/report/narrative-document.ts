// A renderer-neutral text document: Markdown, DOCX, PDF and the screen all draw the same blocks.

export type Block =
  { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] } | { kind: 'heading'; text: string };

export interface NarrativeDocument {
  title: string;
  paragraphs: Block[];
}

// Only characters that would change the meaning of running text are escaped; quotes, dashes and parentheses
// that reports are full of stay readable.
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function toMarkdown(doc: NarrativeDocument): string {
  const parts = [`# ${escapeMarkdown(doc.title)}`];
  for (const block of doc.paragraphs) {
    switch (block.kind) {
      case 'heading':
        parts.push(`## ${escapeMarkdown(block.text)}`);
        break;
      case 'paragraph':
        parts.push(escapeMarkdown(block.text));
        break;
      case 'list':
        parts.push(block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'));
        break;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
