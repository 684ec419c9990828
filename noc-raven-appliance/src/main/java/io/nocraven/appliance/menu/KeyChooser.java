package io.nocraven.appliance.menu;

import java.util.List;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * A full-screen list to choose from with the keyboard (JLine key maps): Up/Down or k/j move, Enter chooses,
 * a digit 1..9 chooses that entry at once, q goes back. Returns the index chosen, or -1 for back.
 */
final class KeyChooser
{
    private static final String UP = "up";
    private static final String DOWN = "down";
    private static final String ENTER = "enter";
    private static final String BACK = "back";

    private final Terminal terminal;
    private final BindingReader keys;
    private final KeyMap<String> map = new KeyMap<>();

    KeyChooser(final Terminal terminal)
    {
        this.terminal = terminal;
        this.keys = new BindingReader(terminal.reader());
        map.bind(UP, KeyMap.key(terminal, InfoCmp.Capability.key_up), "\033[A", "\033OA", "k");
        map.bind(DOWN, KeyMap.key(terminal, InfoCmp.Capability.key_down), "\033[B", "\033OB", "j");
        map.bind(ENTER, "\r", "\n");
        map.bind(BACK, "q", "Q");
        for (int i = 1; i <= 9; i++)
        {
            map.bind(String.valueOf(i), String.valueOf(i));
        }
        map.setAmbiguousTimeout(100);
    }

    int choose(final String title, final String header, final List<String> items)
    {
        int at = 0;
        final Attributes saved = terminal.enterRawMode();
        try
        {
            while (true)
            {
                render(title, header, items, at);
                final String op = keys.readBinding(map);
                if (op == null || BACK.equals(op))
                {
                    return -1;
                }
                switch (op)
                {
                    case UP -> at = (at + items.size() - 1) % items.size();
                    case DOWN -> at = (at + 1) % items.size();
                    case ENTER ->
                    {
                        return at;
                    }
                    default ->
                    {
                        final int n = Integer.parseInt(op) - 1;
                        if (n < items.size())
                        {
                            return n;
                        }
                    }
                }
            }
        }
        finally
        {
            terminal.setAttributes(saved);
        }
    }

    /** Waits for any key (raw mode). */
    void anyKey()
    {
        final Attributes saved = terminal.enterRawMode();
        try
        {
            terminal.writer().print("\r\n-- press any key --");
            terminal.flush();
            terminal.reader().read();
        }
        catch (final java.io.IOException ex)
        {
            terminal.writer().println(ex.getMessage());
        }
        finally
        {
            terminal.setAttributes(saved);
        }
    }

    private void render(final String title, final String header, final List<String> items, final int at)
    {
        terminal.puts(InfoCmp.Capability.clear_screen);
        final java.io.PrintWriter w = terminal.writer();
        w.print(new AttributedString(title, AttributedStyle.BOLD).toAnsi(terminal) + "\r\n");
        if (!header.isEmpty())
        {
            w.print(header.replace("\n", "\r\n") + "\r\n");
        }
        w.print("\r\n");
        for (int i = 0; i < items.size(); i++)
        {
            final String line = (i < 9 ? (i + 1) + ") " : "   ") + items.get(i);
            w.print((i == at ? new AttributedString("> " + line, AttributedStyle.INVERSE).toAnsi(terminal)
                : "  " + line) + "\r\n");
        }
        w.print("\r\nUp/Down or 1-9 to choose, Enter to open, q to go back.\r\n");
        terminal.flush();
    }
}
