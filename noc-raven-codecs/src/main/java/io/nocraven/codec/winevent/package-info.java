/**
 * Windows events as JSON over HTTP: {@link io.nocraven.codec.winevent.WindowsEventDecoder} turns bodies from
 * Winlogbeat, NXLog {@code im_msvistalog} and PowerShell {@code Get-WinEvent | ConvertTo-Json} into one canonical
 * {@code windows-event} record per event and reports each body as an
 * {@link io.nocraven.codec.winevent.IngestResult} for the HTTP status. Pure: no I/O, no Netty.
 */
package io.nocraven.codec.winevent;
