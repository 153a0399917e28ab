import { describe, expect, it } from 'vitest';
import { repositoryKey, textWithoutCredentials, urlWithoutCredentials } from './member-url.js';

describe('urlWithoutCredentials', () => {
  it.each([
    ['https://user:secret@git.example.org/x.git', 'https://git.example.org/x.git'],
    ['https://ghp_TOKEN@git.example.org/x.git?access_token=abc#frag', 'https://git.example.org/x.git'],
    ['ssh://git@git.example.org:2222/org/x.git', 'ssh://git.example.org:2222/org/x.git'],
    ['git://127.0.0.1:19418/lidk.git', 'git://127.0.0.1:19418/lidk.git'],
    ['git@github.com:org/x.git', 'github.com:org/x.git'],
    // A path on this machine is shown as it is: it names no one's credentials.
    ['../skovde', '../skovde'],
    ['/srv/git/lidk.git', '/srv/git/lidk.git'],
    ['file:///srv/git/lidk.git', 'file:///srv/git/lidk.git'],
    // An address the URL parser refuses, which git may still be handed.
    ['https://user:secret@[bad/x.git', 'https://[bad/x.git'],
  ])('%s: %s', (url, expected) => {
    expect(urlWithoutCredentials(url)).toBe(expected);
  });
});

describe('textWithoutCredentials', () => {
  it.each([
    [
      "unable to access 'https://user:secret@git.example.org/x.git/': Could not resolve host",
      "unable to access 'https://git.example.org/x.git/': Could not resolve host",
    ],
    ['anna:secret@127.0.0.1: Permission denied (publickey).', '127.0.0.1: Permission denied (publickey).'],
    [
      "'/srv/git/lidk.git' does not appear to be a git repository",
      "'/srv/git/lidk.git' does not appear to be a git repository",
    ],
    ['git@github.com: Permission denied (publickey).', 'git@github.com: Permission denied (publickey).'],
  ])('%s', (text, expected) => {
    expect(textWithoutCredentials(text)).toBe(expected);
  });
});

describe('repositoryKey', () => {
  const base = '/srv/regions/r';
  it.each([
    ['git://127.0.0.1:19418/lidk.git', 'git://127.0.0.1:19418/lidk.git/'],
    ['git://127.0.0.1:19418/lidk.git', 'git://127.0.0.1:19418/lidk'],
    ['git://example.org/lidk.git', 'git://example.org:9418/lidk.git'],
    ['https://git.example.org/x.git', 'HTTPS://Git.Example.ORG:443/./x.git/'],
    ['https://git.example.org/x.git', 'https://anna:secret@git.example.org//x'],
    ['ssh://git@git.example.org/org/x.git', 'ssh://git.example.org:22/org/x'],
    ['../skovde', '/srv/regions/skovde'],
    ['./../skovde/', '/srv/regions/skovde.git'],
    ['../skovde', 'file:///srv/regions/skovde'],
    ['git@github.com:org/x.git', 'github.com:org/x'],
  ])('%s is %s', (a, b) => {
    expect(repositoryKey(a, base)).toBe(repositoryKey(b, base));
  });

  it.each([
    ['https://git.example.org/x.git', 'https://git.example.org/y.git'],
    ['https://git.example.org/x.git', 'https://git.example.org:8443/x.git'],
    ['https://git.example.org/X.git', 'https://git.example.org/x.git'],
    ['git://example.org/x.git', 'https://example.org/x.git'],
    ['../skovde', '/srv/skovde'],
  ])('%s is not %s', (a, b) => {
    expect(repositoryKey(a, base)).not.toBe(repositoryKey(b, base));
  });
});
