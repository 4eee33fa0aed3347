import { describe, expect, it } from 'vitest';
import { conversationKey } from './endpoints.ts';

describe('conversation keys', () => {
  it('names a conversation the same from either end', () => {
    expect(conversationKey('10.0.0.1:53', '10.0.0.2:4000')).toBe(conversationKey('10.0.0.2:4000', '10.0.0.1:53'));
  });

  it('tells different conversations apart', () => {
    expect(conversationKey('10.0.0.1:53', '10.0.0.2:4000')).not.toBe(conversationKey('10.0.0.1:53', '10.0.0.2:4001'));
  });
});
