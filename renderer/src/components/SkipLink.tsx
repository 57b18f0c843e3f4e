import { useState, type MouseEvent } from 'react';
import { Anchor } from '@mantine/core';

export const mainContentId = 'main-content';

/**
 * The first stop of the Tab key: jumps past the header and the navigation to the screen itself.
 * Hidden until it has the focus. It moves the focus by hand rather than by its href, since the
 * hash holds the route and "#main-content" would be taken for one.
 */
export function SkipLink() {
  const [focused, setFocused] = useState(false);
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(mainContentId)?.focus();
  };
  return (
    <Anchor
      href={`#${mainContentId}`}
      onClick={skip}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      fw={600}
      bg="white"
      px="md"
      py="xs"
      style={{
        position: 'fixed',
        top: 8,
        left: 8,
        zIndex: 1000,
        borderRadius: 4,
        boxShadow: 'var(--mantine-shadow-md)',
        // Off screen, not display:none, so that Tab still reaches it.
        transform: focused ? 'none' : 'translateY(-200%)',
      }}
    >
      Skip to main content
    </Anchor>
  );
}
