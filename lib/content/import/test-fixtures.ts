// Pastes as they really arrive, for the import readers' tests: the clipboard HTML of Google Docs and Word, a news
// web page, and a forwarded email in plain text.

export const GOOGLE_DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-8f3c2a1e-7fff-4b2d-9c1e-2f0a6d5b9e31"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Harbour Reopens After Three-Day Storm</span></p><br /><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Ships returned to the quays on Sunday as crews cleared the last of the debris.</span></p><br /><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">The harbour reopened at dawn after the storm closed it for three days, the port authority said. </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Forty vessels</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> were waiting offshore.</span></p><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;"><br /></span></p><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">What Comes Next</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Officials expect full traffic by Friday, according to the </span><a href="https://www.google.com/url?q=https://port.example.org/notices?utm_source%3Dnewsletter%26id%3D42&amp;sa=D&amp;source=editors&amp;ust=1723456789&amp;usg=AOvVaw0abc" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">port’s notices</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">.</span></p><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;">Ferries resume on Monday</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;">Cargo by Wednesday</span></p></li></ul><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;"><img src="https://lh7-rt.googleusercontent.com/docsz/AD_4nXabc" width="602" height="339" style="margin-left:0px;margin-top:0px;" /></span></p></b><br class="Apple-interchange-newline">`;

export const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/jane/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable {mso-style-name:"Table Normal";}
</style>
<![endif]-->
</head>

<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->

<p class=MsoTitle>Council Approves New Cycle Lanes<o:p></o:p></p>

<p class=MsoNormal><span style='mso-bidi-font-family:Calibri'>By Priya Natarajan<o:p></o:p></span></p>

<p class=MsoNormal><i><span style='mso-bidi-font-family:Calibri'>Twelve kilometres of protected lanes will be built by next spring, the council decided on Tuesday.</span></i><o:p></o:p></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoNormal><span style='mso-fareast-font-family:"Times New Roman"'>The vote passed 31 to 9 after a three-hour debate in which residents on both sides spoke.<span style='mso-spacerun:yes'>  </span>Councillors said the lanes would be finished <b>before the school year</b> starts.<o:p></o:p></span></p>

<p class=MsoNormal><b><span style='mso-bidi-font-family:Calibri'>Where the Lanes Go<o:p></o:p></span></b></p>

<p class=MsoNormal>The first stretch runs along the river from the station to the old market.<o:p></o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>River Road<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Market Street<o:p></o:p></p>

<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_x0020_1" o:spid="_x0000_i1025" type="#_x0000_t75"><v:imagedata src="file:///C:/Users/jane/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=602 height=339 src="file:///C:/Users/jane/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="Picture_x0020_1"><![endif]><o:p></o:p></p>

<p class=MsoNormal>Work begins in March.<o:p></o:p></p>

<!--EndFragment-->
</body>

</html>`;

export const WEB_PAGE_HTML = `<!DOCTYPE html><html lang="en"><head><title>Library Opens Late on Fridays | The Valley Post</title><script>window.dataLayer=[];</script><style>.x{color:red}</style></head>
<body>
<header class="site-header"><a href="/">The Valley Post</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<header><h1>Library Opens Late on Fridays</h1><p class="byline">By Tomás Ferreira</p><time datetime="2025-08-12">August 12, 2025</time></header>
<p class="standfirst">From September the central library stays open until 10pm every Friday.</p>
<div class="share-bar"><a href="https://twitter.com/intent/tweet?url=x">Share on X</a><a href="https://facebook.com/sharer">Share</a></div>
<figure><img src="https://cdn.example.com/library.jpg" alt="The library at night"><figcaption>The library at night. Photo: Ana Lima</figcaption></figure>
<p>The change follows a survey in which <em>two thirds</em> of members asked for evening hours. Read the <a href="https://valley.example.gov/survey?utm_source=valleypost&amp;utm_medium=web&amp;fbclid=IwAR0xyz">full survey</a> or <a href="javascript:alert(1)">this</a>.</p>
<h2>Staffing the Evenings</h2>
<p>Two new posts will be advertised this month.</p>
<table><thead><tr><th>Day</th><th>Closes</th></tr></thead><tbody><tr><td>Friday</td><td>10pm</td></tr><tr><td>Saturday</td><td>5pm</td></tr></tbody></table>
<aside class="related"><h3>Related</h3><ul><li><a href="/other">Pool reopens</a></li></ul></aside>
<p onclick="steal()">Members can reserve study rooms online.<script>alert('x')</script></p>
</article>
</main>
<footer><p>© 2025 The Valley Post</p></footer>
</body></html>`;

export const FORWARDED_EMAIL = `---------- Forwarded message ---------
From: Jane Doe <jane.doe@example.com>
Date: Mon, Aug 11, 2025 at 9:14 AM
Subject: Fwd: story for tomorrow
To: Desk <desk@breakingon.example>


Hi desk,

Bridge Repairs to Close Main Road for a Week
By Jane Doe

Drivers face a week of diversions from Monday while engineers replace the
bridge's expansion joints.

The council said the work could not wait until the autumn because
inspectors found cracks during a routine check in July. Buses will run on
the ring road instead.

Diversions and Buses

Signs will direct traffic through Mill Lane and the industrial estate,
adding about ten minutes to most journeys.

The bridge is expected to reopen on the 25th.

--
Jane Doe
Freelance reporter
07700 900123
`;
