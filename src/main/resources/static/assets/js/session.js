// Where a page keeps its access token: sessionStorage, so that it lives only as long as the tab, is not sent
// with every request as a cookie would be (the API wants a bearer token, and a cookie would need CSRF
// protection), and is gone when the tab closes. The storefront and the console keep theirs apart.

export function session(name) {
  const key = `emporium.${name}.session`;
  function read() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) || 'null');
      if (saved && saved.expiresAt > Date.now()) return saved;
    } catch (broken) {
      // an unreadable entry counts as signed out
    }
    sessionStorage.removeItem(key);
    return null;
  }
  return {
    token: () => read()?.token || null,
    profile: () => read()?.profile || null,
    signedIn: () => read() !== null,
    save(token, expiresIn, profile) {
      sessionStorage.setItem(key, JSON.stringify({ token, profile, expiresAt: Date.now() + expiresIn * 1000 }));
    },
    clear: () => sessionStorage.removeItem(key),
  };
}
