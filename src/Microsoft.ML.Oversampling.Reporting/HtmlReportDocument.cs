using System.Globalization;
using System.Text;
using ScottPlot;

namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>
/// Builds one self-contained HTML page: inline style, and every figure an SVG inside a <c>data:</c> URI image (each
/// its own document, so the ids inside different SVGs never clash), with nothing fetched from anywhere.
/// </summary>
internal sealed class HtmlReportDocument
{
    private const string Style =
        "body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1320px}" +
        "h1{font-size:24px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}" +
        "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}" +
        "th:first-child,td:first-child{text-align:left}figure{display:inline-block;margin:8px;vertical-align:top}" +
        "figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}img{border:1px solid #eee}";

    private readonly StringBuilder _body = new();

    public void Heading(int level, string text) =>
        _body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Encode(text)}</h{level}>\n");

    public void Paragraph(string text) => _body.Append(CultureInfo.InvariantCulture, $"<p>{Encode(text)}</p>\n");

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append("<table>\n<tr>");
        foreach (string cell in header)
        {
            _body.Append(CultureInfo.InvariantCulture, $"<th>{Encode(cell)}</th>");
        }

        _body.Append("</tr>\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            _body.Append("<tr>");
            foreach (string cell in row)
            {
                _body.Append(CultureInfo.InvariantCulture, $"<td>{Encode(cell)}</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</table>\n");
    }

    /// <summary>A captioned figure: the plot rendered as SVG, at <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public void Figure(string caption, Plot plot, int width, int height)
    {
        string svg = plot.GetSvgXml(width, height);
        string data = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        _body.Append(CultureInfo.InvariantCulture,
            $"<figure><figcaption>{Encode(caption)}</figcaption><img alt=\"{Encode(caption)}\" width=\"{width}\" height=\"{height}\" src=\"data:image/svg+xml;base64,{data}\"></figure>\n");
    }

    public string ToHtml(string title) =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n{_body}</body>\n</html>\n";

    // The page is UTF-8, so only the markup characters are escaped (± and – stay readable in the source).
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
