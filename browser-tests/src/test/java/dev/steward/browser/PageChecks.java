package dev.steward.browser;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What every key screen is checked for in the real browser: no grid needs sideways scrolling at 1366x768, and the
 * page has no serious or critical accessibility violation by axe-core's rules (WCAG 2.1 A and AA).
 */
final class PageChecks {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /**
     * Findings inside Vaadin's own components that the console's code cannot change, each [rule, target prefix]:
     * axe 4.6 does not follow the grid's rows and the tabs' tab elements into the light DOM slots where Vaadin puts
     * them (aria-required-children on the grid's shadow table, on vaadin-tabs and on vaadin-menu-bar), and a menu bar's
     * item element gets the item's aria-label while its button carries the menuitem role. Everything else counts.
     */
    private static final String KNOWN_COMPONENT_ISSUES = """
            [['aria-required-children', 'vaadin-grid'], ['aria-required-children', 'vaadin-tabs'],
             ['aria-required-children', 'vaadin-menu-bar'], ['aria-allowed-attr', 'vaadin-menu-bar-item']]""";

    private PageChecks() {
    }

    /**
     * The grids (by their first header cells) whose columns are wider than the grid, so that some column or its
     * actions are off-screen; empty when every grid fits.
     */
    @SuppressWarnings("unchecked")
    static List<String> gridsWiderThanTheirBox(Page page) {
        return (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('vaadin-grid')].filter(g => g.offsetParent !== null)
                    .filter(g => { const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                                   return t && t.scrollWidth > t.clientWidth + 2; })
                    .map(g => [...g.querySelectorAll('vaadin-grid-cell-content')].slice(0, 3)
                                  .map(c => c.innerText.trim()).join(' | '))""");
    }

    /** The page's serious and critical accessibility violations: "rule (impact): help, N elements". */
    @SuppressWarnings("unchecked")
    static List<String> seriousAccessibilityViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            // evaluated through the DevTools protocol, so the console's Content-Security-Policy does not apply
            page.evaluate(axeSource());
        }
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                                           resultTypes: ['violations'] });
                  const known = %s;
                  const isKnown = (v, n) => known.some(k => k[0] === v.id
                      && (n.target.join(' ').startsWith(k[1]) || (n.html || '').startsWith('<' + k[1])));
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({ v, nodes: v.nodes.filter(n => !isKnown(v, n)) })).filter(x => x.nodes.length > 0)
                      .map(({ v, nodes }) => v.id + ' (' + v.impact + '): ' + v.help + ', ' + nodes.length + ' element(s): '
                                + nodes.slice(0, 3).map(n => n.target.join(' > ')).join('; '));
                }""".formatted(KNOWN_COMPONENT_ISSUES));
    }

    private static String axeSource() {
        try (InputStream in = PageChecks.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
