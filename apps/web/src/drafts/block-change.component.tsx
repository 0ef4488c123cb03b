import type { BlockChange, TableRowChange, TextBlock, WordPart } from '@commonplan/render';
import type { ReactNode } from 'react';

export type ComparisonLayout = 'inline' | 'side-by-side';
type Side = 'before' | 'after' | 'both';

/** Words taken out or put in, marked with `del` and `ins` and said aloud, not shown by colour alone. */
function Parts({ parts, side }: { parts: WordPart[]; side: Side }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.change === 'same') return <span key={index}>{part.text}</span>;
        if (part.change === 'removed')
          return side === 'after' ? null : (
            <del key={index} className="app-diff-del">
              <span className="nhsuk-u-visually-hidden">[removed: </span>
              {part.text}
              <span className="nhsuk-u-visually-hidden">]</span>
            </del>
          );
        return side === 'before' ? null : (
          <ins key={index} className="app-diff-ins">
            <span className="nhsuk-u-visually-hidden">[added: </span>
            {part.text}
            <span className="nhsuk-u-visually-hidden">]</span>
          </ins>
        );
      })}
    </>
  );
}

/** A block in the element it was: heading, paragraph, list item, quotation, table or rule. */
function BlockShell({ block, children }: { block: TextBlock; children: ReactNode }) {
  switch (block.kind) {
    case 'heading':
      return block.level <= 2 ? (
        <h3 className="nhsuk-heading-s">{children}</h3>
      ) : (
        <h4 className="nhsuk-heading-xs">{children}</h4>
      );
    case 'listItem':
      return (
        <p
          className="nhsuk-body app-diff-list-item"
          style={{ marginLeft: `${block.depth * 1.5}em` }}
        >
          <span aria-hidden="true">• </span>
          {children}
        </p>
      );
    case 'quote':
      return <blockquote className="app-diff-quote">{children}</blockquote>;
    case 'rule':
      return <hr />;
    default:
      return <p className="nhsuk-body">{children}</p>;
  }
}

function TableRows({ rows, side }: { rows: TableRowChange[]; side: Side }) {
  const shown = rows.filter(
    (row) =>
      !(side === 'before' && row.change === 'added') &&
      !(side === 'after' && row.change === 'removed'),
  );
  return (
    <table className="nhsuk-table app-diff-table">
      <tbody className="nhsuk-table__body">
        {shown.map((row, r) => (
          <tr className={`nhsuk-table__row app-diff-row--${row.change}`} key={r}>
            {row.cells.map((cell, c) => (
              <td className="nhsuk-table__cell" key={c}>
                {cell.parts ? (
                  <Parts parts={cell.parts} side={side} />
                ) : cell.change === 'added' ? (
                  <Parts parts={[{ change: 'added', text: cell.text }]} side={side} />
                ) : cell.change === 'removed' ? (
                  <Parts parts={[{ change: 'removed', text: cell.text }]} side={side} />
                ) : (
                  cell.text
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlainTable({
  rows,
  change,
  side,
}: {
  rows: string[][];
  change: 'same' | 'added' | 'removed';
  side: Side;
}) {
  return (
    <TableRows
      rows={rows.map((cells) => ({ change, cells: cells.map((text) => ({ change, text })) }))}
      side={side}
    />
  );
}

/** One block as it stands on one side (or both, inline). */
function BlockOnSide({ change, side }: { change: BlockChange; side: Side }) {
  switch (change.change) {
    case 'same':
      return change.block.kind === 'table' ? (
        <PlainTable rows={change.block.rows} change="same" side={side} />
      ) : (
        <BlockShell block={change.block}>{change.block.text}</BlockShell>
      );
    case 'added':
    case 'removed': {
      if (
        (change.change === 'added' && side === 'before') ||
        (change.change === 'removed' && side === 'after')
      )
        return null;
      const Mark = change.change === 'added' ? 'ins' : 'del';
      return (
        <Mark className={`app-diff-block app-diff-block--${change.change}`}>
          <span className="nhsuk-u-visually-hidden">
            {change.change === 'added' ? 'Added: ' : 'Removed: '}
          </span>
          {change.block.kind === 'table' ? (
            <PlainTable rows={change.block.rows} change={change.change} side={side} />
          ) : (
            <BlockShell block={change.block}>{change.block.text}</BlockShell>
          )}
        </Mark>
      );
    }
    case 'moved':
      return (
        <div className="app-diff-moved">
          <strong className="nhsuk-tag nhsuk-tag--purple app-tag-nowrap">Moved</strong>
          {change.block.kind === 'table' ? (
            <PlainTable rows={change.block.rows} change="same" side={side} />
          ) : (
            <BlockShell block={change.block}>{change.block.text}</BlockShell>
          )}
        </div>
      );
    case 'changed':
      if (change.rows) return <TableRows rows={change.rows} side={side} />;
      return (
        <BlockShell block={side === 'before' ? change.before : change.after}>
          <Parts parts={change.parts} side={side} />
        </BlockShell>
      );
  }
}

/** A compared block, inline (removals and additions together) or side by side (older | newer). */
export function BlockChangeView({
  change,
  layout,
}: {
  change: BlockChange;
  layout: ComparisonLayout;
}) {
  if (layout === 'inline') return <BlockOnSide change={change} side="both" />;
  return (
    <div className="app-diff-pair">
      <div className="app-diff-pair__side">
        <BlockOnSide change={change} side="before" />
      </div>
      <div className="app-diff-pair__side">
        <BlockOnSide change={change} side="after" />
      </div>
    </div>
  );
}
