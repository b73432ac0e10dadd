-- links.lua: a pandoc filter that turns the book's GitHub links into the
-- site's.  The chapters link to each other, to solutions, to source files
-- and to figures with paths relative to the markdown file, as GitHub reads
-- them; in build/html every page sits at the top, so each link is resolved
-- against the page's own folder and mapped:
--
--   README.md, book.md                 -> index.html
--   chapters/NN-slug/README.md (or /)  -> NN-slug.html
--   solutions/NN-slug.md               -> solutions-NN-slug.html
--   solutions/                          -> solutions.html
--   plots/**.svg                       -> plots/**.svg (copied beside)
--   any other file of the repository   -> src/PATH.html (a highlighted listing)
--
-- Files that need a listing are appended to the list named by the metadata
-- field `sources`; each page's sections go to the search index named by
-- `index` (one JavaScript array element per section).  Links that leave the
-- repository (http:, https:, mailto:) are kept as they are.

local page            -- the page's source path, relative to the repository
local page_html       -- ... and its output name
local sources_file, index_file

local function dirname(path)
  return path:match('^(.*)/[^/]*$') or ''
end

-- "a/b/../c/./d" -> "a/c/d"
local function normalize(path)
  local parts = {}
  for part in path:gmatch('[^/]+') do
    if part == '..' then
      table.remove(parts)
    elseif part ~= '.' then
      table.insert(parts, part)
    end
  end
  return table.concat(parts, '/')
end

local function html_name(path)
  if path == 'README.md' or path == 'book.md' or path == '' then
    return 'index.html'
  end
  local chapter = path:match('^chapters/([^/]+)/README%.md$') or path:match('^chapters/([^/]+)/?$')
  if chapter then return chapter .. '.html' end
  local answers = path:match('^solutions/([^/]+)%.md$')
  if answers then return 'solutions-' .. answers .. '.html' end
  if path == 'solutions' then return 'solutions.html' end
  if path:match('^plots/.*%.svg$') then return path end
  return nil
end

-- The site's name for the file at repository path `path`, noting listings.
local function site_path(path)
  local name = html_name(path)
  if name then return name end
  if sources_file then
    local f = io.open(sources_file, 'a')
    f:write(path, '\n')
    f:close()
  end
  return 'src/' .. path .. '.html'
end

local function rewrite(target)
  if target:match('^%a[%w+.-]*:') or target:match('^#') or target == '' then
    return target
  end
  local path, fragment = target:match('^([^#]*)(#?.*)$')
  local resolved = normalize(dirname(page) .. '/' .. path)
  return site_path(resolved) .. fragment
end

function Meta(meta)
  page = pandoc.utils.stringify(meta.source or '')
  page_html = pandoc.utils.stringify(meta.html or '')
  sources_file = meta.sources and pandoc.utils.stringify(meta.sources)
  index_file = meta.index and pandoc.utils.stringify(meta.index)
end

function Link(link)
  link.target = rewrite(link.target)
  return link
end

-- A figure links to itself, so that on a phone a tap opens it full size.
function Image(image)
  image.src = rewrite(image.src)
  return pandoc.Link({image}, image.src, '', {class = 'figure'})
end

-- A heading that ends in a marker comment (<!-- given: ... -->) gets an
-- identifier ending in '-' from the space before it; GitHub's has none.
function Header(header)
  header.identifier = header.identifier:gsub('%-+$', '')
  return header
end

-- Raw HTML in the chapters (<sub>, <a href>, <img src>) gets the same treatment.
function RawInline(raw)
  if raw.format ~= 'html' then return nil end
  for _, attribute in ipairs({ 'href', 'src' }) do
    raw.text = raw.text:gsub('(%s' .. attribute .. '=")([^"]*)"', function(before, target)
      return before .. rewrite(target) .. '"'
    end)
  end
  return raw
end

-- ------------------------------------------------------------ search index

local function json_string(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\'
    elseif c == '\n' then return ' ' else return ' ' end
  end)
  return '"' .. s .. '"'
end

-- One entry per heading: the page, the heading's anchor and title, and the
-- plain text up to the next heading (code included: readers search for
-- function names).
function Pandoc(doc)
  if not index_file then return nil end
  local entries = {}
  local current = { id = '', title = '', text = {} }
  local title_of_page
  local function flush()
    if current.title ~= '' or #current.text > 0 then
      table.insert(entries, current)
    end
  end
  for _, block in ipairs(doc.blocks) do
    if block.t == 'Header' then
      flush()
      local title = pandoc.utils.stringify(block.content)
      title_of_page = title_of_page or title
      current = { id = block.identifier, title = title, text = {} }
    else
      table.insert(current.text, pandoc.utils.stringify(block))
    end
  end
  flush()
  local f = io.open(index_file, 'a')
  for _, e in ipairs(entries) do
    f:write('{page:', json_string(page_html), ',pageTitle:', json_string(title_of_page or page_html),
            ',id:', json_string(e.id), ',title:', json_string(e.title),
            ',text:', json_string(table.concat(e.text, ' ')), '},\n')
  end
  f:close()
  return nil
end

-- Meta must run before the others: pandoc runs the functions of one filter
-- table in the order Inlines, Blocks, Meta, Pandoc, so split into passes.
return {
  { Meta = Meta },
  { Link = Link, Image = Image, RawInline = RawInline, Header = Header },
  { Pandoc = Pandoc },
}
