-- Headless Neovim as an LSP client of zlint: open a profile, wait for the
-- diagnostics, write them to a file, quit. Driven by tests/lsp/test_lsp_nvim.py
-- through environment variables:
--   ZLINT_NVIM_PYTHON  the Python that runs the server (python -m zparse.lsp.server)
--   ZLINT_NVIM_FILE    the profile to open
--   ZLINT_NVIM_OUT     where to write one line per diagnostic: CODE LINE COL SEVERITY MESSAGE
local python = os.getenv("ZLINT_NVIM_PYTHON")
local file = os.getenv("ZLINT_NVIM_FILE")
local out = os.getenv("ZLINT_NVIM_OUT")

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = "zlint",
  cmd = { python, "-m", "zparse.lsp.server" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
}
if vim.lsp.start then  -- Neovim 0.8 and later
  vim.lsp.start(config)
else                   -- Neovim 0.7
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, id)
end

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or "?"
end

local got = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local lines = {}
if not got then
  table.insert(lines, "TIMEOUT")
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local message = d.message:gsub("\n", " ")
  table.insert(lines, string.format("%s %d %d %d %s", code_of(d), d.lnum, d.col, d.severity, message))
end
vim.fn.writefile(lines, out)
vim.cmd("qall!")
