// Building the page from data without ever parsing text as HTML: h() sets text as text, and only HTML the services
// sanitised (an article's bodyHtml, a comment's html) goes in through trustedHtml().

/** An element: h('a', {href: '/news', class: 'x', onclick: fn}, 'text', child, [more children]). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces what an element holds. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** HTML that the service that owns it has sanitised already (Markdown rendered server side). */
export function trustedHtml(tag, html, attributes = {}) {
  const element = h(tag, attributes);
  element.innerHTML = html || '';
  return element;
}

/** A link inside the client: followed without reloading the page. */
export function link(href, attributes, ...children) {
  return h('a', { ...attributes, href, 'data-link': true }, ...children);
}

/** A date (ISO string) in the reader's language; with time when asked. */
export function formatDate(iso, lang, withTime = false) {
  if (!iso) {
    return '';
  }
  const options = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(lang, options).format(new Date(iso));
}

/** A <time> element for a date. */
export function time(iso, lang, withTime = false) {
  return h('time', { datetime: iso }, formatDate(iso, lang, withTime));
}
