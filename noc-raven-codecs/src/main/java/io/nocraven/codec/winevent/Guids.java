package io.nocraven.codec.winevent;

import java.util.Locale;

/**
 * GUID text as the canonical record writes it: lowercase in braces, {@code {54849625-5478-4994-a5ba-3e3b0328c30d}},
 * whatever case and bracing the shipper used (Winlogbeat and NXLog send {@code {UPPER}}, PowerShell bare lowercase).
 * Text that is not a GUID is kept unchanged.
 */
final class Guids
{
    private Guids()
    {
    }

    /**
     * @param text a GUID in any common form, or null.
     * @return the canonical form, the text unchanged when it is not a GUID, or null.
     */
    static String normalize(final String text)
    {
        if (text == null)
        {
            return null;
        }
        final int n = text.length();
        final boolean braced = n == 38 && text.charAt(0) == '{' && text.charAt(37) == '}';
        if (!braced && n != 36)
        {
            return text;
        }
        final int start = braced ? 1 : 0;
        for (int i = 0; i < 36; i++)
        {
            final char c = text.charAt(start + i);
            final boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0)
            {
                return text;
            }
        }
        return '{' + text.substring(start, start + 36).toLowerCase(Locale.ROOT) + '}';
    }
}
